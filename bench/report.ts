// The readable table printed after the JSON lines (Markdown, so the README can
// show it as is).
export interface Row {
  scenario: string;
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

export function formatTable(rows: Row[], { quick }: { quick: boolean }): string {
  const cells = rows.map((row) => [
    row.scenario,
    row.measure,
    row.value,
    row.target ?? "",
    row.met === undefined ? "" : row.met ? "yes" : quick ? "no (quick)" : "**no**",
  ]);
  const header = ["scenario", "measured", "result", "target", "met"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.map(line)].join("\n");
}
