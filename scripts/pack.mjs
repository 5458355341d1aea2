#!/usr/bin/env node
// `npm run pack` (after `npm run build`): Zoho's own `zet validate`, then our stricter checks of zet's
// limits and of what app/ may contain, then `zet pack`; the Marketplace zip ends up in dist/.
// zet itself only warns about disallowed file types and never fails `pack` on a zip error, so both
// are checked here. zet's update-notifier may reach the network: it is switched off and every zet
// run has a timeout.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** zet 1.0.24 lib/commands/constants.js, lib/rules/FileCheckRule.js, lib/utils/file-tree-parser.js */
export const ZET_LIMITS = Object.freeze({
  maxFiles: 250,
  maxFileBytes: 5_000_000,
  maxPackageBytes: 20_000_000,
  maxFileNameLength: 50,
  fileName: /^[A-Za-z0-9_.$-]+$/,
  folderName: /^[A-Za-z0-9_$-]+$/,
  extensions: Object.freeze([
    '.jpg', '.jpeg', '.png', '.gif', '.svg',
    '.css', '.woff', '.woff2', '.ttf', '.eot', '.webm',
    '.js',
    '.mp3', '.mp4',
    '.json', '.txt', '.md', '.xml',
    '.html',
  ]),
});

export const OFFICIAL_SDK_URL = 'https://js.zohostatic.com/support/developer_sdk/v1/js/ZohoDeskClientSDK.min.js';

/** Strings that only sandbox/simulator/test code contains; none may reach the shipped bundle. */
export const FORBIDDEN_IN_APP = Object.freeze([
  '__deskSimulator',
  'sdk-shim',
  'createFakeZohoDesk',
  'createBillingSandbox',
  'createDeskSimulation',
  'mockServiceWorker',
  'msw',
]);

/** Every file under `dir`, as paths relative to `root` with forward slashes. */
export function listFiles(dir, root = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, root));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * zet's file rules for app/ (count, size, names, folders, types). Returns a list of problems; empty = fine.
 * zet counts translation files twice towards the 250 limit, and so does this check.
 */
export function checkZetLimits(root = projectRoot) {
  const appDir = join(root, 'app');
  if (!existsSync(appDir)) return ['app/ does not exist: run `npm run build` first'];
  const problems = [];
  const files = listFiles(appDir).map((f) => `app/${f}`);
  if (files.length === 0) problems.push('app/ is empty');
  let total = 0;
  let translations = 0;
  for (const file of files) {
    const name = basename(file);
    const ext = extname(name).toLowerCase();
    const folders = file.split('/').slice(1, -1);
    const bytes = statSync(join(root, file)).size;
    total += bytes;
    if (file.startsWith('app/translations/') && ext === '.json') translations += 1;
    if (name.startsWith('.')) problems.push(`${file}: names starting with "." are rejected by zet`);
    else if (!ZET_LIMITS.extensions.includes(ext)) problems.push(`${file}: file type "${ext || '(none)'}" is not allowed in a Desk extension`);
    if (!ZET_LIMITS.fileName.test(name)) problems.push(`${file}: file name may only contain A-Z a-z 0-9 _ . $ -`);
    if (name.length > ZET_LIMITS.maxFileNameLength) problems.push(`${file}: file name is ${name.length} characters (max ${ZET_LIMITS.maxFileNameLength})`);
    if (bytes > ZET_LIMITS.maxFileBytes) problems.push(`${file}: ${bytes} bytes (max ${ZET_LIMITS.maxFileBytes})`);
    for (const folder of folders) {
      if (!ZET_LIMITS.folderName.test(folder)) problems.push(`${file}: folder "${folder}" may only contain A-Z a-z 0-9 _ $ -`);
    }
  }
  const counted = files.length + translations;
  if (counted > ZET_LIMITS.maxFiles) problems.push(`app/ has ${counted} files as zet counts them (max ${ZET_LIMITS.maxFiles})`);
  if (total > ZET_LIMITS.maxPackageBytes) problems.push(`app/ is ${total} bytes (max ${ZET_LIMITS.maxPackageBytes})`);
  return [...new Set(problems)];
}

/**
 * What we promise about the shipped bundle beyond zet: each widget page loads Zoho's SDK, no sandbox
 * code, no source maps, no eval. Returns a list of problems; empty = fine.
 */
export function checkAppContents(root = projectRoot) {
  const appDir = join(root, 'app');
  if (!existsSync(appDir)) return ['app/ does not exist: run `npm run build` first'];
  const problems = [];
  const manifest = JSON.parse(readFileSync(join(root, 'plugin-manifest.json'), 'utf8'));
  const widgetUrls = new Set((manifest?.modules?.widgets ?? []).map((w) => String(w.url)));
  for (const url of widgetUrls) {
    if (!url.startsWith('/app/')) continue;
    const file = join(root, url.slice(1));
    if (!existsSync(file)) {
      problems.push(`${url}: widget page named in plugin-manifest.json is missing`);
      continue;
    }
    const html = readFileSync(file, 'utf8');
    if (!html.includes(`<script src="${OFFICIAL_SDK_URL}"`)) problems.push(`${url}: does not load Zoho's SDK (${OFFICIAL_SDK_URL})`);
  }
  for (const rel of listFiles(appDir)) {
    const file = `app/${rel}`;
    if (rel.endsWith('.map')) problems.push(`${file}: source maps must not ship`);
    if (!/\.(js|html|css|json)$/i.test(rel)) continue;
    const text = readFileSync(join(appDir, rel), 'utf8');
    if (/\/\/# sourceMappingURL=/.test(text)) problems.push(`${file}: references a source map`);
    if (/(^|[^\w$.])eval\s*\(/.test(text)) problems.push(`${file}: calls eval(`);
    for (const needle of FORBIDDEN_IN_APP) {
      const pattern = needle === 'msw' ? /\[MSW\]|(["'`/])msw\b/i : null;
      if (pattern ? pattern.test(text) : text.includes(needle)) problems.push(`${file}: contains sandbox code ("${needle}")`);
    }
  }
  return problems;
}

/**
 * Runs the local zet binary with update checks off and a hard timeout.
 * @returns {Promise<{ code: number | null, output: string, timedOut: boolean }>}
 */
export function runZet(args, { root = projectRoot, timeoutMs = 60_000 } = {}) {
  // Always this checkout's zet, so a temporary copy of the project can be packed too (tests).
  const zet = join(projectRoot, 'node_modules', 'zoho-extension-toolkit', 'index.js');
  return new Promise((resolveRun, reject) => {
    if (!existsSync(zet)) {
      reject(new Error('zoho-extension-toolkit is not installed (node_modules/.bin/zet missing): run `npm install`'));
      return;
    }
    const child = spawn(process.execPath, [zet, ...args], {
      cwd: root,
      env: {
        ...process.env,
        NO_UPDATE_NOTIFIER: '1',
        npm_config_update_notifier: 'false',
        CI: process.env.CI ?? 'true',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // zet prints with chalk; strip any colour codes that slipped through.
      resolveRun({ code, output: output.replace(/\u001b\[[0-9;]*m/g, ''), timedOut });
    });
  });
}

/** `zet validate` on the project. Resolves `{ ok, output }`. */
export async function zetValidate({ root = projectRoot, timeoutMs = 60_000 } = {}) {
  const result = await runZet(['validate'], { root, timeoutMs });
  const ok = !result.timedOut && result.code === 0 && /Validation Rules passed successfully/i.test(result.output);
  return { ok, output: result.timedOut ? `${result.output}\nzet validate timed out after ${timeoutMs} ms` : result.output };
}

/** Names of the entries in a zip file, read from its central directory (no dependency needed). */
export function zipEntryNames(zipPath) {
  const buf = readFileSync(zipPath);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${zipPath} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${zipPath}: broken central directory`);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength).split('\\').join('/'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names.sort();
}

function packageZipName(root) {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return `${pkg.name ?? 'extension'}-${pkg.version ?? '0.0.0'}.zip`;
  } catch {
    return 'extension.zip';
  }
}

/**
 * Validates and packs app/ + plugin-manifest.json + resources.json into `dist/<name>-<version>.zip`.
 * Throws with every problem found; resolves `{ zipPath, entries }`.
 */
export async function packExtension({ root = projectRoot, timeoutMs = 120_000, log = () => {} } = {}) {
  const validation = await zetValidate({ root, timeoutMs });
  log(validation.output.trim());
  if (!validation.ok) throw new Error(`zet validate failed:\n${validation.output.trim()}`);

  const problems = [...checkZetLimits(root), ...checkAppContents(root)];
  if (problems.length > 0) throw new Error(`app/ breaks the packaging rules:\n - ${problems.join('\n - ')}`);

  // zet names the zip after the project folder, which differs between clones; ours is stable.
  const zetZip = join(root, 'dist', `${basename(root)}.zip`);
  const finalZip = join(root, 'dist', packageZipName(root));
  rmSync(zetZip, { force: true });
  rmSync(finalZip, { force: true });

  const packed = await runZet(['pack'], { root, timeoutMs });
  log(packed.output.trim());
  if (packed.timedOut) throw new Error(`zet pack timed out after ${timeoutMs} ms\n${packed.output}`);
  if (packed.code !== 0 || /Packaging Error/i.test(packed.output) || !existsSync(zetZip)) {
    throw new Error(`zet pack failed (exit code ${packed.code}):\n${packed.output.trim()}`);
  }
  if (zetZip !== finalZip) renameSync(zetZip, finalZip);

  const entries = zipEntryNames(finalZip);
  const expected = ['plugin-manifest.json', 'resources.json', ...listFiles(join(root, 'app')).map((f) => `app/${f}`)].sort();
  const missing = expected.filter((name) => !entries.includes(name));
  const extra = entries.filter((name) => !expected.includes(name));
  if (missing.length || extra.length) {
    throw new Error(`the zip does not match app/: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
  }
  return { zipPath: finalZip, entries };
}

/** The repository's placeholder connection (sharedBy "0") cannot authorise on a real portal: say so (README "Going live"). */
export function connectionWarning(root = projectRoot) {
  const auth = JSON.parse(readFileSync(join(root, 'plugin-manifest.json'), 'utf8'))?.zohoAuthorisation;
  return /^0*$/.test(String(auth?.sharedBy ?? '')) ? 'zohoAuthorisation still holds the placeholder connection (sharedBy "0"): run `npm run connection -- <file.json>` with the JSON of your Zoho connection before uploading (README "Going live").' : null;
}

async function main() {
  try {
    const warning = connectionWarning();
    if (warning) console.warn(`warning: ${warning}`);
    const { zipPath, entries } = await packExtension({ log: (text) => text && console.log(text) });
    const kb = (statSync(zipPath).size / 1024).toFixed(1);
    console.log(`\nMarketplace package: ${relative(process.cwd(), zipPath)} (${entries.length} files, ${kb} KB)`);
    console.log('Upload it in Sigma (https://sigma.zoho.com) → your extension → Upload.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
