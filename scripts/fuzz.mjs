#!/usr/bin/env node
/**
 * Long fuzz run: the same properties as tests/unit/fuzz (which CI runs ~200 times with a fixed seed),
 * here ≥10,000 runs each with a fresh random seed that is printed first, so any failure can be replayed:
 *
 *   node scripts/fuzz.mjs                 # 10,000 runs, random seed
 *   node scripts/fuzz.mjs --runs 50000    # more runs
 *   node scripts/fuzz.mjs --seed 1234     # replay a failing seed
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} needs a positive whole number`);
    process.exit(2);
  }
  return value;
}

const runs = Math.max(10_000, option('runs', 10_000));
const seed = option('seed', randomInt(1, 2 ** 31 - 1));

console.log(`fuzz: ${runs} runs per property, seed ${seed} (replay: node scripts/fuzz.mjs --seed ${seed} --runs ${runs})`);

const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});

console.log(`fuzz: seed ${seed}, ${runs} runs per property: ${result.status === 0 ? 'all properties held' : 'a property FAILED'}`);
process.exit(result.status ?? 1);
