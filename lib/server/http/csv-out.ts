// CSV the server hands out (exports), through csv-stringify: RFC 4180 quoting,
// and a cell a spreadsheet would run as a formula (starting =, +, -, @, tab or
// carriage return) written with a leading ' so it opens as text. The pool
// importer reads such a cell back without the ' (lib/pools/import/csv-table.ts).
import { stringify } from "csv-stringify/sync";

export type Cell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify(
    [header, ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : cell)))],
    { escape_formulas: true, record_delimiter: "unix", cast: { boolean: (value) => String(value) } },
  );
}
