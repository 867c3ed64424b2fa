// A CSV file (RFC 4180, via csv-parse) as records keyed by field name, each
// with the file line it starts on, so every problem can name its line. The
// header names the columns, case-insensitive and in any order; columns the
// schema does not know are ignored and named in warnings.
import { parse, type CsvError } from "csv-parse/sync";
import type { ErrorIssue } from "../../protocol/errors";
import { COLUMN_ALIASES } from "../../protocol/pool-import";

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1) */
  line: number;
  /** 0-based index among the data records, as in the issue paths */
  index: number;
  /** the known columns' cells; an empty cell is absent */
  values: Record<string, string>;
}

export interface CsvTable {
  records: CsvRecord[];
  issues: ErrorIssue[];
  warnings: string[];
}

export interface TableSpec {
  /** the body field the text came in ("prospects_csv"), first in every issue path */
  source: string;
  fields: readonly string[];
  required: readonly string[];
  /** data records beyond this many are one issue, not one each */
  maxRecords: number;
}

/** Where each line starts in the UTF-8 bytes (csv-parse counts bytes): CRLF, LF and a lone CR each end a line. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line of the first character at or after `offset` that is not a line break (a record's first line). */
function lineAt(bytes: Buffer, starts: number[], offset: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Exports prefix a cell a spreadsheet would run as a formula with ' (lib/pools/csv-out.ts): read it back as written. */
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const normalHeader = (name: string) => {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return COLUMN_ALIASES[key] ?? key;
};

const PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed (a missing closing quote?)",
  CSV_INVALID_CLOSING_QUOTE:
    'a closing quote is followed by more text in the same field; double a quote inside a quoted field ("")',
  INVALID_OPENING_QUOTE: "a quote opens in the middle of a field",
};

export function readCsvTable(text: string, spec: TableSpec): CsvTable {
  const { source } = spec;
  const bytes = Buffer.from(text, "utf8");
  const starts = lineStarts(bytes);
  const issues: ErrorIssue[] = [];
  const warnings: string[] = [];
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    // relax_quotes: a quote inside an unquoted field (6'2") is kept as written
    rows = parse(bytes, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const problem = error as CsvError & { bytes?: number };
    const line = lineAt(bytes, starts, problem.bytes ?? 0);
    return {
      records: [],
      issues: [{ path: [source], line, message: PARSE_PROBLEMS[problem.code] ?? "this line is not valid CSV" }],
      warnings,
    };
  }

  const header = rows[0];
  if (!header)
    return {
      records: [],
      issues: [{ path: [source], message: `${source} is empty: it needs a header line and one line per record` }],
      warnings,
    };
  const columns = header.record.map(normalHeader);
  const known = new Set(spec.fields);
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    if (!known.has(column)) {
      warnings.push(`${source}: column "${(header.record[i] ?? "").trim()}" is not one WarRoom reads; it was ignored`);
      return;
    }
    const first = seen.get(column);
    if (first !== undefined)
      issues.push({
        path: [source],
        line: 1,
        message: `the column ${column} appears twice (columns ${first + 1} and ${i + 1})`,
      });
    else seen.set(column, i);
  });
  for (const field of spec.required) {
    if (!seen.has(field)) issues.push({ path: [source], line: 1, message: `the header has no ${field} column` });
  }
  if (issues.length) return { records: [], issues, warnings };

  const records: CsvRecord[] = [];
  let previousEnd = header.info.bytes;
  for (const row of rows.slice(1)) {
    const line = lineAt(bytes, starts, previousEnd);
    previousEnd = row.info.bytes;
    // a spreadsheet's trailing ",,,," rows hold nothing
    if (row.record.every((cell) => cell.trim() === "")) continue;
    const index = records.length;
    if (index >= spec.maxRecords) {
      issues.push({ path: [source, index], line, message: `at most ${spec.maxRecords} records; this is one more` });
      break;
    }
    if (row.record.length > columns.length) {
      issues.push({
        path: [source, index],
        line,
        message: `this record has ${row.record.length} fields but the header has ${columns.length} (a comma inside a field needs quotes)`,
      });
    }
    const values: Record<string, string> = {};
    for (const [column, i] of seen) {
      const cell = unescapeFormula(row.record[i] ?? "");
      if (cell.trim() !== "") values[column] = cell;
    }
    records.push({ line, index, values });
  }
  if (records.length === 0 && issues.length === 0)
    issues.push({ path: [source], line: 2, message: `${source} has a header but no records` });
  return { records, issues, warnings };
}
