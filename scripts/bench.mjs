#!/usr/bin/env node
// `npm run bench`: performance benchmark (not a test; nothing here passes or fails a build).
// Builds the extension as `npm run build` does (into a temp dir, so a concurrent rebuild of app/
// cannot pull files from under it), serves it in the Desk simulator, drives it in real Chromium with a
// fixed simulated proxy latency, replays a seeded multi-agent workload, and prints a table.
//   --latency <ms>   simulated proxy latency per Billing call (default 300)
//   --json <file>    also write every number as JSON
//   --no-build       use app/ and sim-dist/ as they are (they must exist)
//   --only <parts>   comma list of: browser, bundle, workload (default all)
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// The bench measures what ships: React's production build, whatever the calling shell says.
process.env.NODE_ENV = 'production';

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '300' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string', default: 'browser,bundle,workload' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench -- [--latency 300] [--json bench-result.json] [--no-build] [--only browser,bundle,workload]');
  process.exit(0);
}
const latencyMs = Number(values.latency);
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error(`--latency must be a number of milliseconds (got ${values.latency})`);
  process.exit(2);
}
const parts = new Set(values.only.split(',').map((s) => s.trim()));

const { projectRoot, ensureBuilt } = await import('./builds.mjs');
const { startSimulatorServer } = await import('./simServer.mjs');
const { measureBundles, buildApp } = await import('./bench/bundle.mjs');
const { startBrowser, runBrowserScenarios } = await import('./bench/browser.mjs');
const { runWorkload, runLargePortals } = await import('./bench/workload.mjs');
const { renderReport, evaluateTargets } = await import('./bench/report.mjs');

const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
const work = mkdtempSync(join(tmpdir(), 'zbd-bench-'));
const appDir = join(work, 'app');
const simDir = join(work, 'sim-dist');

const en = JSON.parse(readFileSync(join(projectRoot, 'translations', 'en.json'), 'utf8'));
const labels = {
  unused: en.panel.unusedCredits,
  outstanding: en.panel.outstanding,
  billingAddress: en.panel.overview.billingAddress,
  shippingAddress: en.panel.overview.shippingAddress,
  noAddress: en.panel.overview.noAddress,
  pickerTitle: en.panel.picker.title,
  loadMore: en.panel.loadMore,
  tabs: en.panel.tabs,
  empty: [en.panel.activity?.empty, en.panel.invoices?.empty, en.panel.subscriptions?.empty].filter(Boolean),
};

const result = { latencyMs, startedAt: new Date(started).toISOString(), node: process.version };
let server;
let session;
try {
  if (values['no-build']) {
    if (!existsSync(join(projectRoot, 'app', 'panel.html'))) throw new Error('app/ is missing: run without --no-build');
    cpSync(join(projectRoot, 'app'), appDir, { recursive: true });
  } else {
    log('building the extension (vite build, production) …');
    const built = await buildApp(projectRoot, appDir);
    result.panelSources = built.sources;
    result.panelModules = { initial: built.initialModules, lazy: built.lazyModules };
  }
  if (parts.has('browser')) {
    if (!values['no-build']) await ensureBuilt({ targets: ['simulator'], quiet: true });
    cpSync(join(projectRoot, 'sim-dist'), simDir, { recursive: true });
  }

  if (parts.has('bundle')) {
    log('measuring page weight and building the React floor …');
    result.bundle = await measureBundles(projectRoot, appDir);
  }

  if (parts.has('browser')) {
    server = await startSimulatorServer({ port: 0, appDir, simDir, cwd: work });
    session = await startBrowser({ url: server.url });
    log(`Chromium on ${server.url} (latency ${latencyMs} ms)`);
    result.browser = await runBrowserScenarios(session, { latencyMs, labels, log: (m) => log(`scenario: ${m}`) });
    result.browser.assetsLoaded = [...new Set(session.assetRequests.map((r) => r.url.replace(/^.*\/app\//, '')))];
  }

  if (parts.has('workload')) {
    log('replaying the workload (300 opens, 10 agents, 60 customers) …');
    result.workload = await runWorkload({ projectRoot, log });
    log('replaying large portals (10, 50, 200 agents over 2,000 customers: 8 h shift and shift start) …');
    result.largePortals = await runLargePortals({ projectRoot, log });
  }
} finally {
  await session?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
}

result.durationMs = Date.now() - started;
result.targets = evaluateTargets(result, projectRoot);
console.log(renderReport(result));
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${values.json}`);
}
log(`done in ${(result.durationMs / 1000).toFixed(1)} s`);
