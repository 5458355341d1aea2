// Loads bench/workload.ts (TypeScript, importing the panel's real modules from src/) through Vite's
// module runner, so the replay runs the same code the panel ships, without a separate compile step.
import { join } from 'node:path';

export async function runWorkload({ projectRoot, log = () => {}, ...options }) {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(join(projectRoot, 'bench', 'workload.ts'), {
    configFile: false,
    root: projectRoot,
    logLevel: 'error',
    // Node's own copies of msw, zod and friends; only our TypeScript goes through the runner.
    ssr: { external: true },
  });
  const t = Date.now();
  const result = await module.runWorkload(options);
  log(`workload replayed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return result;
}
