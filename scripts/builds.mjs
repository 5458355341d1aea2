// The two Vite builds (extension → app/, simulator shell → sim-dist/), run with the project's own
// Vite binary in a child process so the caller (a CLI, a test worker) keeps a clean module graph.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const viteBin = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/** What each build reads; a change in any of these makes its output stale. */
const INPUTS = ['src', 'pages', 'static', 'translations', 'vite.config.ts', 'package.json', 'tsconfig.json', 'plugin-manifest.json', 'scripts/csp.mjs'];
const OUTPUT_MARKER = { app: join('app', 'panel.html'), simulator: join('sim-dist', 'simulator.html') };

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when the build's output is missing or older than any of its inputs. */
export function isStale(target, root = projectRoot) {
  let built;
  try {
    built = statSync(join(root, OUTPUT_MARKER[target])).mtimeMs;
  } catch {
    return true;
  }
  const newestInput = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return newestInput > built;
}

/**
 * Runs `vite build` (target 'app') or `vite build --mode simulator` (target 'simulator').
 * Rejects with the build's output when it fails or exceeds `timeoutMs`.
 */
export function runViteBuild(target, { root = projectRoot, timeoutMs = 180_000, quiet = false, extraArgs = [] } = {}) {
  const args = [viteBin, 'build', ...(target === 'simulator' ? ['--mode', 'simulator'] : []), ...extraArgs];
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      // A caller such as vitest sets NODE_ENV=test, which would make Vite ship React's development
      // runtime (jsxDEV, source file paths); both builds are production builds whoever starts them.
      env: { ...process.env, NODE_ENV: 'production', NO_UPDATE_NOTIFIER: '1' },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`vite build (${target}) timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolveBuild(output);
      else reject(new Error(`vite build (${target}) failed with exit code ${code}\n${output}`));
    });
  });
}

/** Builds whichever of app/ and sim-dist/ is missing or stale. Returns what it built. */
/** A lock held longer than this belongs to a build that died; it is taken over. */
const BUILD_LOCK_STALE_MS = 5 * 60_000;

/**
 * Test files run in parallel workers and several may find app/ stale at once: one builds, the others wait
 * (a directory created atomically is the lock) and then find it fresh, so no two builds write one output.
 */
async function withBuildLock(target, root, work) {
  const lock = join(root, 'node_modules', '.cache', `build-${target}.lock`);
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > BUILD_LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureBuilt({ targets = ['app', 'simulator'], root = projectRoot, quiet = true } = {}) {
  const built = [];
  for (const target of targets) {
    if (!isStale(target, root)) continue;
    await withBuildLock(target, root, async () => {
      // Another worker may have built it while this one waited.
      if (!isStale(target, root)) return;
      await runViteBuild(target, { root, quiet });
      built.push(target);
    });
  }
  return built;
}
