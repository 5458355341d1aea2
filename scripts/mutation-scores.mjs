/**
 * After `stryker run` (npm run mutation): the per-file table of reports/mutation/mutation.json in the
 * README's form, and a non-zero exit when any mutated file scores below 90 % (issue 24). The score is
 * Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
 */
import { readFileSync } from 'node:fs';

const MIN_SCORE = 90;
const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));

const rows = Object.entries(report.files).map(([file, { mutants }]) => {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = detected + survived + noCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  return { file, mutants: mutants.length, detected, survived, noCoverage, score };
});
rows.sort((a, b) => a.file.localeCompare(b.file));

console.log('\n| file | mutants | killed + timeout | survived | no coverage | score |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| \`${r.file}\` | ${r.mutants} | ${r.detected} | ${r.survived} | ${r.noCoverage} | ${r.score.toFixed(1)} % |`);
}
const low = rows.filter((r) => r.score < MIN_SCORE);
if (low.length > 0) {
  console.error(`\nBelow ${MIN_SCORE} %: ${low.map((r) => `${r.file} (${r.score.toFixed(1)} %)`).join(', ')}`);
  console.error('Kill each survivor with a test, or list it in tests/mutation-equivalents.md with its reason.');
  process.exitCode = 1;
} else {
  console.log(`\nEvery file scores at least ${MIN_SCORE} %. Survivors must be listed in tests/mutation-equivalents.md.`);
}
