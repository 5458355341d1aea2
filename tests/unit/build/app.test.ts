// The built extension (app/) as Desk and the Marketplace will see it. app/ is built first when missing or
// older than the sources (e.g. `vitest run` on a fresh clone); these checks never skip.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkAppContents,
  checkZetLimits,
  listFiles,
  OFFICIAL_SDK_URL,
  projectRoot,
  ZET_LIMITS,
  zetValidate,
} from '../../../scripts/pack.mjs';
import { ensureBuilt } from '../../../scripts/builds.mjs';

const appDir = join(projectRoot, 'app');
// Never skipped: app/ is built here when missing or older than the sources, and a missing build fails.
await ensureBuilt({ targets: ['app'], quiet: true });
if (!existsSync(join(appDir, 'panel.html'))) throw new Error('app/ holds no built extension (panel.html is missing): the build checks cannot run');

interface Widget {
  location: string;
  url: string;
}
const manifest = JSON.parse(readFileSync(join(projectRoot, 'plugin-manifest.json'), 'utf8')) as {
  modules: { widgets: Widget[] };
};

describe('the built extension in app/', () => {
  const files = listFiles(appDir);

  it('passes Zoho\'s own `zet validate`', async () => {
    const result = await zetValidate({ timeoutMs: 60_000 });
    expect(result.output).toMatch(/Validation Rules passed successfully/);
    expect(result.ok).toBe(true);
  }, 70_000);

  it('stays within zet\'s file count, size, name and type limits', () => {
    expect(checkZetLimits()).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(ZET_LIMITS.maxFiles);
    for (const file of files) {
      const name = file.split('/').pop() ?? '';
      expect(name.length, file).toBeLessThanOrEqual(ZET_LIMITS.maxFileNameLength);
      expect(ZET_LIMITS.extensions, file).toContain(name.slice(name.lastIndexOf('.')).toLowerCase());
    }
  });

  it('has every widget page of the manifest, each loading Zoho\'s official SDK', () => {
    const pages = [...new Set(manifest.modules.widgets.map((w) => w.url))];
    expect(pages).toEqual(expect.arrayContaining(['/app/panel.html', '/app/settings.html']));
    for (const url of pages) {
      const html = readFileSync(join(projectRoot, url.slice(1)), 'utf8');
      expect(html, url).toContain(`<script src="${OFFICIAL_SDK_URL}"></script>`);
      expect(html, url).not.toContain('/sim/sdk-shim.js');
    }
  });

  it('ships both translations', () => {
    expect(files).toEqual(expect.arrayContaining(['translations/en.json', 'translations/ja.json']));
  });

  it('contains no sandbox or simulator code, no source maps and no eval', () => {
    expect(checkAppContents()).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(join(appDir, file), 'utf8');
      expect(text, file).not.toContain('__deskSimulator');
      expect(text, file).not.toContain('[MSW]');
      expect(text, file).not.toMatch(/sourceMappingURL=/);
      expect(text, file).not.toMatch(/(^|[^\w$.])eval\s*\(/);
    }
  });
});
