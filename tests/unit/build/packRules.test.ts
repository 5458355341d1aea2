// The packaging rules themselves, on throwaway copies of a project, so each rule is seen to fire.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkAppContents,
  checkZetLimits,
  OFFICIAL_SDK_URL,
  packExtension,
  projectRoot,
  zetValidate,
  zipEntryNames,
} from '../../../scripts/pack.mjs';

const page = (body = '') =>
  `<!doctype html><html><head><script src="${OFFICIAL_SDK_URL}"></script></head><body>${body}</body></html>`;

/** A minimal valid Desk project: our manifest, resources.json, and an app/ with both pages. */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zbd-pack-'));
  cpSync(join(projectRoot, 'plugin-manifest.json'), join(dir, 'plugin-manifest.json'));
  writeFileSync(join(dir, 'resources.json'), '{}');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture-extension', version: '1.2.3' }));
  mkdirSync(join(dir, 'app', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'app', 'translations'), { recursive: true });
  mkdirSync(join(dir, 'app', 'img'), { recursive: true });
  writeFileSync(join(dir, 'app', 'panel.html'), page('<script type="module" src="./assets/panel.js"></script>'));
  writeFileSync(join(dir, 'app', 'settings.html'), page());
  writeFileSync(join(dir, 'app', 'assets', 'panel.js'), 'console.log("panel");\n');
  writeFileSync(join(dir, 'app', 'translations', 'en.json'), '{}');
  writeFileSync(join(dir, 'app', 'translations', 'ja.json'), '{}');
  writeFileSync(join(dir, 'app', 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'app', 'img', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const made: string[] = [];
function project(): string {
  const dir = makeProject();
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('checkZetLimits', () => {
  it('accepts a small valid app/', () => {
    expect(checkZetLimits(project())).toEqual([]);
  });

  it('reports a missing app/', () => {
    const dir = project();
    rmSync(join(dir, 'app'), { recursive: true });
    expect(checkZetLimits(dir)).toEqual([expect.stringMatching(/app\/ does not exist/)]);
  });

  it('rejects names over 50 characters, odd characters, disallowed types and dot files', () => {
    const dir = project();
    writeFileSync(join(dir, 'app', 'assets', `${'a'.repeat(48)}.js`), '');
    writeFileSync(join(dir, 'app', 'assets', 'bad name.js'), '');
    writeFileSync(join(dir, 'app', 'assets', 'panel.ts'), '');
    writeFileSync(join(dir, 'app', '.DS_Store'), '');
    mkdirSync(join(dir, 'app', 'we.ird'));
    writeFileSync(join(dir, 'app', 'we.ird', 'x.js'), '');
    const problems = checkZetLimits(dir).join('\n');
    expect(problems).toMatch(/a{48}\.js: file name is 51 characters \(max 50\)/);
    expect(problems).toMatch(/bad name\.js: file name may only contain/);
    expect(problems).toMatch(/panel\.ts: file type "\.ts" is not allowed/);
    expect(problems).toMatch(/\.DS_Store: names starting with "\."/);
    expect(problems).toMatch(/folder "we\.ird"/);
  });

  it('rejects a file over 5 MB', () => {
    const dir = project();
    writeFileSync(join(dir, 'app', 'assets', 'huge.js'), Buffer.alloc(5_000_001, 0x20));
    expect(checkZetLimits(dir).join('\n')).toMatch(/huge\.js: 5000001 bytes \(max 5000000\)/);
  });

  it('counts files the way zet does (translations twice) against the 250 limit', () => {
    const dir = project();
    // 7 files + 2 translations counted twice = 9; 241 more makes 250 (allowed), 242 makes 251.
    for (let i = 0; i < 241; i++) writeFileSync(join(dir, 'app', 'assets', `f${i}.js`), '');
    expect(checkZetLimits(dir)).toEqual([]);
    writeFileSync(join(dir, 'app', 'assets', 'one-more.js'), '');
    expect(checkZetLimits(dir)).toEqual([expect.stringMatching(/251 files as zet counts them \(max 250\)/)]);
  });
});

describe('checkAppContents', () => {
  it('accepts pages that load Zoho\'s SDK and plain code', () => {
    expect(checkAppContents(project())).toEqual([]);
  });

  it('flags a widget page without the official SDK script', () => {
    const dir = project();
    writeFileSync(join(dir, 'app', 'settings.html'), '<!doctype html><script src="/sim/sdk-shim.js"></script>');
    const problems = checkAppContents(dir).join('\n');
    expect(problems).toMatch(/\/app\/settings\.html: does not load Zoho's SDK/);
    expect(problems).toMatch(/contains sandbox code \("sdk-shim"\)/);
  });

  it('flags simulator code, msw, source maps and eval', () => {
    const dir = project();
    writeFileSync(join(dir, 'app', 'assets', 'a.js'), 'window.__deskSimulator.createSdk(window);');
    writeFileSync(join(dir, 'app', 'assets', 'b.js'), 'import "msw"; console.warn("[MSW] hi");');
    writeFileSync(join(dir, 'app', 'assets', 'c.js'), 'const x = 1;\n//# sourceMappingURL=c.js.map');
    writeFileSync(join(dir, 'app', 'assets', 'c.js.map'), '{}');
    writeFileSync(join(dir, 'app', 'assets', 'd.js'), 'const y = eval("1+1");');
    const problems = checkAppContents(dir).join('\n');
    expect(problems).toMatch(/a\.js: contains sandbox code \("__deskSimulator"\)/);
    expect(problems).toMatch(/b\.js: contains sandbox code \("msw"\)/);
    expect(problems).toMatch(/c\.js: references a source map/);
    expect(problems).toMatch(/c\.js\.map: source maps must not ship/);
    expect(problems).toMatch(/d\.js: calls eval\(/);
  });

  it('does not mistake words like "medieval(" or obj.eval( for eval', () => {
    const dir = project();
    writeFileSync(join(dir, 'app', 'assets', 'e.js'), 'function medieval(a){return a} const o={eval:()=>1}; o.eval(1); x.$eval(2);');
    expect(checkAppContents(dir)).toEqual([]);
  });
});

describe('zet validate and packExtension', () => {
  it('zet validate rejects a manifest zet does not accept', async () => {
    const dir = project();
    const manifest = JSON.parse(readFileSync(join(dir, 'plugin-manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.connectors;
    writeFileSync(join(dir, 'plugin-manifest.json'), JSON.stringify(manifest));
    const result = await zetValidate({ root: dir, timeoutMs: 60_000 });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/connectors/i);
  }, 70_000);

  it('packs app/, the manifest and resources.json into dist/<name>-<version>.zip', async () => {
    const dir = project();
    const { zipPath, entries } = await packExtension({ root: dir, timeoutMs: 90_000 });
    expect(zipPath).toBe(join(dir, 'dist', 'fixture-extension-1.2.3.zip'));
    expect(zipEntryNames(zipPath)).toEqual(entries);
    expect(entries).toEqual([
      'app/assets/panel.js',
      'app/img/icon.svg',
      'app/img/logo.svg',
      'app/panel.html',
      'app/settings.html',
      'app/translations/en.json',
      'app/translations/ja.json',
      'plugin-manifest.json',
      'resources.json',
    ]);
  }, 100_000);

  it('refuses to pack an app/ that breaks the rules, naming the problem', async () => {
    const dir = project();
    writeFileSync(join(dir, 'app', 'assets', 'panel.js.map'), '{}');
    await expect(packExtension({ root: dir, timeoutMs: 90_000 })).rejects.toThrow(/panel\.js\.map/);
  }, 100_000);
});
