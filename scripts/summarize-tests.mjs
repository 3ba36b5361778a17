// Sums the JSON reports of the test runners (Vitest's json reporter, Playwright's json reporter):
// one line per runner, then "N passed, N failed[, N skipped]". Exits 1 when a report shows
// failures or is unreadable.
/* global process, console */
// Usage: node scripts/summarize-tests.mjs <label>=<report.json> ...
import { readFileSync, existsSync } from 'node:fs';

/** @param {unknown} report */
function countsOf(report) {
  if (typeof report !== 'object' || report === null) throw new Error('not a JSON object');
  const r = /** @type {Record<string, unknown>} */ (report);
  if (typeof r.numTotalTests === 'number') {
    // Vitest (Jest-compatible json reporter).
    return {
      passed: Number(r.numPassedTests ?? 0),
      failed: Number(r.numFailedTests ?? 0),
      skipped: Number(r.numPendingTests ?? 0) + Number(r.numTodoTests ?? 0),
      broken: r.success === false && Number(r.numFailedTests ?? 0) === 0 ? 1 : 0,
    };
  }
  if (typeof r.stats === 'object' && r.stats !== null) {
    // Playwright: flaky tests passed on retry.
    const s = /** @type {Record<string, unknown>} */ (r.stats);
    const errors = Array.isArray(r.errors) ? r.errors.length : 0;
    return {
      passed: Number(s.expected ?? 0) + Number(s.flaky ?? 0),
      failed: Number(s.unexpected ?? 0),
      skipped: Number(s.skipped ?? 0),
      broken: errors > 0 && Number(s.unexpected ?? 0) === 0 ? 1 : 0,
    };
  }
  throw new Error('unknown report format');
}

const total = { passed: 0, failed: 0, skipped: 0 };
let bad = false;
for (const arg of process.argv.slice(2)) {
  const eq = arg.indexOf('=');
  const label = eq > 0 ? arg.slice(0, eq) : arg;
  const file = eq > 0 ? arg.slice(eq + 1) : arg;
  if (!existsSync(file)) {
    console.log(`${label}: no report (the runner did not finish)`);
    bad = true;
    continue;
  }
  try {
    const c = countsOf(JSON.parse(readFileSync(file, 'utf8')));
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    const extra = c.broken ? ' (the run itself reported errors)' : '';
    console.log(`${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${extra}`);
    if (c.failed > 0 || c.broken) bad = true;
  } catch (error) {
    console.log(`${label}: unreadable report ${file}: ${error instanceof Error ? error.message : String(error)}`);
    bad = true;
  }
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exit(bad ? 1 : 0);
