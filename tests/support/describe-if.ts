/**
 * `describe` when a suite can run on this machine, else `describe.skip` with
 * the reason in its title ("[skipped: …]"): Jest does not print what a skipped
 * file logs, so tests/support/skip-reporter.js lists these reasons at the end.
 */
export function describeIf(enabled: boolean, reason: string) {
  return (name: string, body: () => void) =>
    enabled ? describe(name, body) : describe.skip(`${name} [skipped: ${reason}]`, body);
}
