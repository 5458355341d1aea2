// When the e2e harness and `npm start` rebuild: only when an output is missing or older than a source.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStale, runViteBuild } from '../../../scripts/builds.mjs';

let root: string;
const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zbd-builds-'));
  mkdirSync(join(root, 'src', 'panel'), { recursive: true });
  mkdirSync(join(root, 'app'), { recursive: true });
  mkdirSync(join(root, 'sim-dist'), { recursive: true });
  writeFileSync(join(root, 'src', 'panel', 'Panel.tsx'), 'export {}');
  writeFileSync(join(root, 'app', 'panel.html'), '<!doctype html>');
  writeFileSync(join(root, 'sim-dist', 'simulator.html'), '<!doctype html>');
  for (const dir of ['src', join('src', 'panel'), 'app', 'sim-dist']) at(dir, 1_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('isStale', () => {
  it('is false when the outputs are newer than every source', () => {
    at(join('src', 'panel', 'Panel.tsx'), 1_000);
    at(join('app', 'panel.html'), 2_000);
    at(join('sim-dist', 'simulator.html'), 2_000);
    expect(isStale('app', root)).toBe(false);
    expect(isStale('simulator', root)).toBe(false);
  });

  it('is true when a source changed after the build', () => {
    at(join('app', 'panel.html'), 2_000);
    at(join('src', 'panel', 'Panel.tsx'), 3_000);
    expect(isStale('app', root)).toBe(true);
  });

  it('is true when the output was never built', () => {
    rmSync(join(root, 'sim-dist'), { recursive: true });
    expect(isStale('simulator', root)).toBe(true);
  });
});

describe('runViteBuild', () => {
  it('makes a production build even when started from a test run (NODE_ENV=test)', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const out = mkdtempSync(join(tmpdir(), 'zbd-build-'));
    try {
      await runViteBuild('app', { quiet: true, extraArgs: ['--outDir', out, '--emptyOutDir'] });
      const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const file of scripts) {
        const code = readFileSync(join(out, 'assets', file), 'utf8');
        expect(code, file).not.toContain('jsxDEV');
        expect(code, file).not.toContain('/src/ui/');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
