// Loads bench/workload.ts and bench/largePortal.ts (TypeScript, importing the panel's real modules from
// src/) through Vite's module runner, so the replays run the same code the panel ships, without a
// separate compile step.
import { join } from 'node:path';

async function load(projectRoot, file) {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(join(projectRoot, 'bench', file), {
    configFile: false,
    root: projectRoot,
    logLevel: 'error',
    // Node's own copies of msw and friends; only our TypeScript goes through the runner.
    ssr: { external: true },
  });
  return module;
}

export async function runWorkload({ projectRoot, log = () => {}, ...options }) {
  const module = await load(projectRoot, 'workload.ts');
  const t = Date.now();
  const result = await module.runWorkload(options);
  log(`workload replayed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

/** The large-portal scenarios of issue 23: 10, 50 and 200 agents over 2,000 generated customers. */
export const LARGE_PORTAL_SCENARIOS = [10, 50, 200].flatMap((agents) => [
  { agents, customers: 2000, opensPerAgentPerHour: 10, shiftHours: 8 },
  { agents, customers: 2000, shiftStart: true, burstMinutes: 2 },
]);

export async function runLargePortals({ projectRoot, log = () => {}, scenarios = LARGE_PORTAL_SCENARIOS }) {
  const module = await load(projectRoot, 'largePortal.ts');
  const t = Date.now();
  const results = [];
  for (const scenario of scenarios) {
    const r = await module.runLargePortal(scenario);
    log(`large portal: ${r.agents} agents, ${r.scenario}: ${r.opens} opens in ${(r.replayMs / 1000).toFixed(1)} s`);
    results.push(r);
  }
  log(`large portals replayed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { scenarios: results, durationMs: Date.now() - t };
}
