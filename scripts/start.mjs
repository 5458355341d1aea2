#!/usr/bin/env node
// `npm start`: builds the extension (app/) and the simulator shell (sim-dist/), then serves both.
//   --port <n>   listen on another port (default 5173; 0 = any free port)
//   --host <h>   listen address (default 127.0.0.1)
//   --watch      rebuild both on every source change (reload the page to see it)
//   --no-build   serve what is already built
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, runViteBuild } from './builds.mjs';
import { startSimulatorServer } from './simServer.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    watch: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: npm start -- [--port 5173] [--host 127.0.0.1] [--watch] [--no-build]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535 (got ${values.port})`);
  process.exit(2);
}

const watchers = [];

function watchBuild(target) {
  // `vite build --watch` keeps running and rewrites the output on every change.
  const args = [join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--watch'];
  if (target === 'simulator') args.push('--mode', 'simulator');
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  watchers.push(child);
  return child;
}

try {
  if (!values['no-build']) {
    console.log('Building the extension (app/) …');
    await runViteBuild('app');
    console.log('Building the Desk simulator (sim-dist/) …');
    await runViteBuild('simulator');
  }
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

let server;
try {
  server = await startSimulatorServer({ port, host: values.host, cwd: projectRoot });
} catch (error) {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : '';
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Try: npm start -- --port ${port + 1}`
      : `Could not start the simulator server: ${String(error)}`,
  );
  process.exit(1);
}

if (values.watch) {
  watchBuild('app');
  watchBuild('simulator');
}

console.log('');
console.log(`  Desk simulator: ${server.url}`);
console.log(`  Extension pages: ${server.url}app/panel.html, ${server.url}app/settings.html (inside the simulator)`);
if (values.watch) console.log('  Watching sources: reload the page after a rebuild.');
console.log('  Press Ctrl+C to stop.');
console.log('');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of watchers) child.kill('SIGTERM');
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
