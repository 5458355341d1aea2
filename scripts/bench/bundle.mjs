// Bytes a page costs before it can show anything: the JS and CSS its HTML loads up front (entry
// script, modulepreloads, stylesheets), gzipped — next to a React "hello world" built in this run
// with the same Vite, plugin-react and target (the floor no React page can go below).
import { readFileSync, readdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, posix } from 'node:path';

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

/** Assets an HTML page loads before first render (scripts, modulepreloads, stylesheets), relative to `dir`. */
export function initialAssets(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const found = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)) found.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?(stylesheet|modulepreload)["']?/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag);
    if (href) found.add(href[1]);
  }
  return [...found]
    .filter((src) => !/^https?:/i.test(src)) // Zoho's SDK is not ours to count
    .map((src) => resolve(dirname(htmlFile), posix.normalize(src.replace(/^\.\//, ''))));
}

/** Follows static `import … from "./x.js"` inside the initial chunks (Vite may not preload all). */
function withStaticImports(files) {
  const all = new Set(files);
  const queue = [...files];
  while (queue.length) {
    const file = queue.shift();
    if (!file.endsWith('.js') || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    // Static imports only; `import("…")` (dynamic) is loaded when used and is not initial.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      const dep = resolve(dirname(file), m[1]);
      if (!all.has(dep)) {
        all.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...all];
}

export function pageCost(htmlFile) {
  const files = withStaticImports(initialAssets(htmlFile));
  let js = 0;
  let css = 0;
  let raw = 0;
  const parts = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const buf = readFileSync(file);
    const size = gz(buf);
    raw += buf.length;
    if (file.endsWith('.css')) css += size;
    else js += size;
    parts.push({ file: file.split('/').slice(-2).join('/'), raw: buf.length, gzip: size });
  }
  return { gzipJs: js, gzipCss: css, gzip: js + css, raw, parts };
}

/** Every JS chunk of the build that no page loads up front (lazy chunks, e.g. forms behind import()). */
export function lazyChunks(appDir, initialFiles) {
  const dir = join(appDir, 'assets');
  if (!existsSync(dir)) return [];
  const initial = new Set(initialFiles);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f))
    .filter((f) => !initial.has(f))
    .map((f) => ({ file: f.split('/').slice(-2).join('/'), gzip: gz(readFileSync(f)) }));
}

/**
 * `vite build` of the project's own config into `outDir` (what `npm run build` writes to app/), and
 * where the panel's initial JS comes from: rendered bytes per source group (before minification).
 */
export async function buildApp(projectRoot, outDir) {
  const { build } = await import('vite');
  const out = await build({
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output ?? []).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && /panel/.test(c.facadeModuleId ?? c.name));
  const initial = new Set();
  const visit = (c) => {
    if (!c || initial.has(c)) return;
    initial.add(c);
    for (const dep of c.imports ?? []) visit(byName.get(dep));
  };
  visit(entry);
  const groups = {};
  for (const c of initial) {
    for (const [id, m] of Object.entries(c.modules ?? {})) {
      const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
      const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
      const key = nm ? nm[1] : clean.startsWith(projectRoot) ? clean.slice(projectRoot.length + 1).split('/').slice(0, 2).join('/') : 'other';
      groups[key] = (groups[key] ?? 0) + (m.renderedLength ?? 0);
    }
  }
  const total = Object.values(groups).reduce((a, b) => a + b, 0) || 1;
  const rel = (id) => id.replace(/^\0/, '').replace(/\?.*$/, '').replace(`${projectRoot}/`, '');
  return {
    sources: Object.entries(groups)
      .sort((a, b) => b[1] - a[1])
      .map(([source, bytes]) => ({ source, renderedBytes: bytes, share: bytes / total })),
    initialModules: [...initial].flatMap((c) => Object.keys(c.modules ?? {}).map(rel)),
    lazyModules: chunks.filter((c) => !initial.has(c) && !c.isEntry).flatMap((c) => Object.keys(c.modules ?? {}).map(rel)),
  };
}

/**
 * Attribution by removal: the panel's initial gzip size when one part is stubbed out of the build.
 * Not a working app — only bytes — so each line says what a change could save at most. Translations
 * (per language), the tabs after Overview and the Billing calls past the first screen are lazy already;
 * these are what is left in the first script beyond React (issue 12):
 *   portal share → the shared snapshot, access gate, refresh lease, daily meter and storage budget the
 *     first Billing read goes through (SPEC E1; it cannot wait for a chunk);
 *   add-ticket form reader → host/ticketForm.ts and host/formPoller.ts, used at that one location;
 *   Billing error classification → billing/errors.ts (every answer is checked against it).
 */
export async function sizeExperiments(projectRoot, floorGzip) {
  const { build } = await import('vite');
  const { readFileSync: read } = await import('node:fs');
  const stubFor = (file) => {
    const found = [file, `${file}.ts`, `${file}.tsx`].find((f) => /\.tsx?$/.test(f) && existsSync(f));
    const code = found ? read(found, 'utf8') : '';
    const names = [...code.matchAll(/export\s+(?:async\s+)?(?:function|const|let|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
    return names.map((n) => `export const ${n} = () => null;`).join('\n') || 'export {};';
  };
  const experiments = {
    'without the portal share (a widget-only cache)': (source, importer) =>
      importer && /src\/integration\//.test(importer) && source === './portal/portalShare' ? { code: stubFor(join(dirname(importer), source)) } : null,
    'without the add-ticket form reader': (source, importer) =>
      importer && /src\/(host|panel)\//.test(importer) && /^(\.\/ticketForm|\.\.\/host\/formPoller)$/.test(source)
        ? { code: stubFor(join(dirname(importer), source)) }
        : null,
    'without Billing error classification': (source, importer) =>
      importer && /src\/(billing|integration|panel)\//.test(importer) && /(^\.\/|\/billing\/)errors$/.test(source)
        ? { code: stubFor(join(dirname(importer), source)) }
        : null,
  };
  experiments['all of the above'] = (source, importer) => {
    for (const [name, fn] of Object.entries(experiments)) {
      if (name === 'all of the above') continue;
      const hit = fn(source, importer);
      if (hit) return hit;
    }
    return null;
  };
  const results = [];
  for (const [name, match] of Object.entries(experiments)) {
    const outDir = mkdtempSync(join(tmpdir(), 'zbd-bench-exp-'));
    try {
      const stubs = new Map();
      await build({
        configFile: join(projectRoot, 'vite.config.ts'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
        plugins: [
          {
            name: 'bench-stub',
            enforce: 'pre',
            resolveId(source, importer) {
              const hit = match(source, importer);
              if (!hit) return null;
              const id = `\0bench-stub:${stubs.size}`;
              stubs.set(id, hit.code);
              return id;
            },
            load(id) {
              return stubs.get(id) ?? null;
            },
          },
        ],
      });
      const cost = pageCost(join(outDir, 'index.html').replace('index.html', 'panel.html'));
      results.push({ experiment: name, gzip: cost.gzip, ratio: cost.gzip / floorGzip });
    } catch (error) {
      results.push({ experiment: name, error: String(error?.message ?? error).split('\n')[0] });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  return results;
}

/** Builds bench/floor with the project's own Vite and React plugin into a temp dir; returns its cost. */
export async function floorCost(projectRoot) {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = mkdtempSync(join(tmpdir(), 'zbd-bench-floor-'));
  try {
    await build({
      configFile: false,
      root: join(projectRoot, 'bench', 'floor'),
      base: './',
      publicDir: false,
      logLevel: 'silent',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, sourcemap: false, target: 'es2022' },
    });
    return pageCost(join(outDir, 'index.html'));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function measureBundles(projectRoot, appDir) {
  const pages = {};
  const initialFiles = [];
  for (const page of ['panel', 'settings']) {
    const html = join(appDir, `${page}.html`);
    const cost = pageCost(html);
    pages[page] = cost;
    initialFiles.push(...withStaticImports(initialAssets(html)));
  }
  const floor = await floorCost(projectRoot);
  for (const page of Object.values(pages)) page.ratio = page.gzip / floor.gzip;
  const experiments = await sizeExperiments(projectRoot, floor.gzip);
  return { floor, pages, lazy: lazyChunks(appDir, initialFiles), experiments };
}
