/**
 * Prints the plain `N passed, N failed` line CI reads, after jest's own summary, and writes it to
 * test-results/summary.txt so .ci/run can repeat it as its very last line.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class CountReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed`;
    const dir = join(process.cwd(), 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'summary.txt'), `${line}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = CountReporter;
