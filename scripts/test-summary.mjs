// Adds up vitest's JSON reports and prints one line: "Tests: N passed, N failed".
// A missing report, or a suite that ran no test, counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let problems = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    problems.push(`${file}: no report (the suite did not finish)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const suiteFailed = r.numFailedTests + (r.numTotalTestSuites > 0 && r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  passed += r.numPassedTests;
  failed += suiteFailed;
  console.log(`${file.replace(/^.*\/|\.json$/g, '')}: ${r.numPassedTests} passed, ${suiteFailed} failed, ${r.numPendingTests} skipped`);
  if (r.numTotalTests === 0) problems.push(`${file}: ran no test`);
}
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
