#!/usr/bin/env node
/**
 * Runs the real-browser fault tests (tests/e2e/faults.test.ts) and prints the fault matrix: one row per
 * fault, one column per Desk location, each cell the passes out of the runs, then the totals.
 *
 *   node scripts/fault-matrix.mjs            # one run
 *   node scripts/fault-matrix.mjs --runs 3   # three runs (flakiness shows as 2/3)
 *
 * Exits non-zero when any cell has a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEST_FILE = 'tests/e2e/faults.test.ts';

function runsOption() {
  const i = process.argv.indexOf('--runs');
  if (i === -1) return 1;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error('--runs needs a positive whole number');
    process.exit(2);
  }
  return n;
}

/** "[ticket] rate limited (429, no Retry-After)" → { location: 'ticket', fault: 'rate limited (…)' }. */
function cellOf(title) {
  const m = /^\[([^\]]+)\]\s+(.+)$/.exec(title);
  return m ? { location: m[1], fault: m[2] } : null;
}

function runOnce(index, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'fault-matrix-'));
  const out = join(dir, 'report.json');
  console.log(`fault matrix: run ${index + 1}/${runs} (${TEST_FILE}) …`);
  const child = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', TEST_FILE, '--reporter=json', `--outputFile=${out}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  let report = null;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    report = null;
  }
  rmSync(dir, { recursive: true, force: true });
  if (!report) {
    console.error(`fault matrix: vitest wrote no report (exit code ${child.status}).`);
    process.exit(child.status || 1);
  }
  return report.testResults.flatMap((file) => file.assertionResults ?? []);
}

const runs = runsOption();
/** fault → location → { pass, total } */
const matrix = new Map();
const locations = [];
const others = [];

for (let i = 0; i < runs; i += 1) {
  for (const result of runOnce(i, runs)) {
    if (result.status === 'skipped' || result.status === 'pending' || result.status === 'todo') continue;
    const cell = cellOf(result.title);
    if (!cell) {
      others.push(result);
      continue;
    }
    if (!locations.includes(cell.location)) locations.push(cell.location);
    const row = matrix.get(cell.fault) ?? new Map();
    const counts = row.get(cell.location) ?? { pass: 0, total: 0 };
    counts.total += 1;
    if (result.status === 'passed') counts.pass += 1;
    row.set(cell.location, counts);
    matrix.set(cell.fault, row);
  }
}

const faultWidth = Math.max(5, ...[...matrix.keys()].map((f) => f.length));
const colWidth = Math.max(8, ...locations.map((l) => l.length));
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - s.length));
const line = (cells) => cells.join(' │ ');

console.log('');
console.log(line([pad('fault', faultWidth), ...locations.map((l) => pad(l, colWidth))]));
console.log(line(['─'.repeat(faultWidth), ...locations.map(() => '─'.repeat(colWidth))]));
let failed = 0;
let passed = 0;
let total = 0;
for (const [fault, row] of matrix) {
  const cells = locations.map((loc) => {
    const c = row.get(loc);
    if (!c) return pad('—', colWidth);
    passed += c.pass;
    total += c.total;
    if (c.pass < c.total) failed += c.total - c.pass;
    return pad(`${c.pass === c.total ? '✓' : '✗'} ${c.pass}/${c.total}`, colWidth);
  });
  console.log(line([pad(fault, faultWidth), ...cells]));
}
for (const r of others) {
  total += 1;
  if (r.status === 'passed') passed += 1;
  else failed += 1;
  console.log(`${r.status === 'passed' ? '✓' : '✗'} ${r.fullName ?? r.title}`);
}
console.log('');
console.log(`fault matrix: ${passed}/${total} passed over ${runs} run(s)${failed ? `, ${failed} FAILED` : ''}`);
process.exit(failed === 0 && total > 0 ? 0 : 1);
