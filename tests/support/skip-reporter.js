// A suite that skips itself (no PostgreSQL, no Redis) must not pass silently:
// at the end of the run, this reporter lists every skipped test file, and
// every skipped suite of a file that ran otherwise, with the reason describeIf
// (tests/support/describe-if.ts) put in its title.
const path = require("node:path");

class SkipReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const lines = [];
    for (const file of results.testResults) {
      if (file.numPendingTests === 0) continue;
      const where = path.relative(this.rootDir, file.testFilePath);
      // suites describeIf skipped, each once, with the reason in its title
      const reasons = new Map();
      for (const test of file.testResults) {
        if (test.status !== "pending") continue;
        for (const title of test.ancestorTitles) {
          const match = /^(.*) \[skipped: (.+)\]$/.exec(title);
          if (match) reasons.set(match[1], match[2]);
        }
      }
      const whole = file.numPassingTests === 0 && file.numFailingTests === 0;
      if (whole) lines.push(`  ${where}: ${[...reasons.values()][0] ?? "skipped"}`);
      else for (const [suite, reason] of reasons) lines.push(`  ${where} › ${suite}: ${reason}`);
    }
    if (lines.length === 0) return;
    process.stdout.write(`\nSkipped test files and suites (${lines.length}):\n${lines.join("\n")}\n`);
  }
}

module.exports = SkipReporter;
