#!/usr/bin/env node
/*
 * Totals every suite's results into the one plain line CI reads: "N passed, N failed, N skipped".
 * Inputs are the JSON reports Jest (--json) and Playwright (json reporter) write, plus
 * "check" files for steps that are not test runners (typecheck, lint, build). A suite that was
 * expected but left no report counts as one failure, so a crash can never look like success.
 *
 * usage: node scripts/sum-results.js <name>=<file> ...
 */
const fs = require('fs');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function countJest(r) {
  // A suite that failed to run (syntax error, missing module) has no test results: count it.
  const brokenSuites = (r.testResults || []).filter(
    (s) => s.status === 'failed' && (s.assertionResults || []).length === 0
  ).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenSuites,
    skipped: r.numPendingTests + (r.numTodoTests || 0),
  };
}

function countPlaywright(r) {
  const s = r.stats || {};
  return {
    passed: (s.expected || 0) + (s.flaky || 0),
    failed: (s.unexpected || 0) + (r.errors || []).length,
    skipped: s.skipped || 0,
  };
}

function countCheck(r) {
  return r.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const arg of process.argv.slice(2)) {
  const [name, file] = arg.split('=');
  const r = readJson(file);
  let c;
  if (!r) {
    c = { passed: 0, failed: 1, skipped: 0 };
    console.log(`  ${name.padEnd(12)} no report at ${file}: counted as 1 failed`);
  } else {
    c = 'numPassedTests' in r ? countJest(r) : 'stats' in r ? countPlaywright(r) : countCheck(r);
    console.log(`  ${name.padEnd(12)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
