// Prints CI's closing line "N passed, N failed[, N skipped]" from vitest's JSON report.
// A run that crashed before writing the report counts as one failure, never as "0 failed".
import { readFileSync } from 'node:fs';

const [file, status = '0'] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log(`vitest wrote no report (${file}); exit status ${status}`);
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const passed = report.numPassedTests ?? 0;
let failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// Suites that failed to load report no tests; count each as a failure so it cannot hide.
const brokenSuites = (report.testResults ?? []).filter(
  (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
).length;
failed += brokenSuites;
if (status !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
