// A suite that skips itself (no PostgreSQL, no Redis) must not pass silently:
// at the end of the run, this reporter lists every fully skipped test file
// with the reason describeIf (tests/support/describe-if.ts) put in its title.
const path = require("node:path");

class SkipReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.testResults.filter((file) => file.numPendingTests > 0 && file.numPassingTests === 0 && file.numFailingTests === 0);
    if (skipped.length === 0) return;
    const lines = skipped.map((file) => {
      const titles = file.testResults.flatMap((test) => test.ancestorTitles);
      const reason = titles.map((title) => /\[skipped: (.+)\]$/.exec(title)?.[1]).find(Boolean);
      return `  ${path.relative(this.rootDir, file.testFilePath)}: ${reason ?? "skipped"}`;
    });
    process.stdout.write(`\nSkipped test files (${skipped.length}):\n${lines.join("\n")}\n`);
  }
}

module.exports = SkipReporter;
