"use client";
// What the dry run said: the class it would import (counts, warnings, the
// first prospects as they would be stored), or every problem with its line.
import type { CheckState } from "@/lib/client/admin/use-class-import";
import type { ErrorIssue } from "@/lib/protocol/errors";
import { formatHeight } from "@/lib/client/player-facts";

/** "Line 12 (board)" for a CSV issue; a JSON path or the field for the rest. */
function where(issue: ErrorIssue): string {
  const path = Array.isArray(issue.path) ? issue.path : [issue.path];
  const file = path[0] === "order_csv" ? "order" : path[0] === "prospects_csv" ? "board" : null;
  if (issue.line !== undefined) return `Line ${issue.line}${file ? ` of the ${file}` : ""}`;
  if (file) return `The ${file}`;
  return path.length ? String(path.join(" › ")) : "The class";
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

export function ImportCheck({ check, checking }: { check: CheckState; checking: boolean }) {
  return (
    <>
      <p className="h-5 text-xs text-slate-400" aria-live="polite">
        {checking ? "Checking…" : check.state === "ok" ? "Checked: this is what would be imported." : ""}
      </p>
      <CheckAnswer check={check} />
    </>
  );
}

function CheckAnswer({ check }: { check: CheckState }) {
  if (check.state === "idle")
    return <p className="text-sm text-slate-400">Add a board to see what would be imported.</p>;
  if (check.state === "failed")
    return (
      <p role="alert" className="text-sm text-rose-300">
        {check.message}
      </p>
    );
  if (check.state === "problems") {
    return (
      <div role="alert" data-testid="import-problems">
        <p className="text-sm font-semibold text-rose-200">{sentence(check.message)} Fix them and it checks again.</p>
        <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-md border border-rose-900 bg-rose-950/40 p-2 text-sm">
          {check.issues.map((issue, i) => (
            <li key={i} className="text-rose-100">
              <span className="font-semibold">{where(issue)}:</span> {issue.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { result } = check;
  return (
    <div data-testid="import-preview">
      <p className="text-sm text-emerald-200" aria-live="polite">
        Ready: {result.players} prospects, {result.picks} picks over {result.rounds} round
        {result.rounds === 1 ? "" : "s"}, {result.teams.length} clubs.
      </p>
      {result.warnings.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs text-amber-200">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="mt-2 overflow-x-auto rounded-md border border-slate-800">
        <table className="w-full whitespace-nowrap text-left text-xs">
          <caption className="sr-only">The first prospects of the board, as they would be imported</caption>
          <thead className="bg-slate-950 text-slate-400">
            <tr>
              {["Rank", "Name", "Pos", "College", "Grade", "Ht", "Wt", "40"].map((h) => (
                <th key={h} scope="col" className="px-2 py-1 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.preview.map((p) => (
              <tr key={p.player_id} className="border-t border-slate-800 text-slate-200">
                <td className="px-2 py-1 tabular-nums">{p.rank}</td>
                <td className="px-2 py-1 font-medium text-slate-50">{p.name}</td>
                <td className="px-2 py-1">{p.position}</td>
                <td className="px-2 py-1">{p.college ?? ""}</td>
                <td className="px-2 py-1 tabular-nums">{p.grade ?? ""}</td>
                <td className="px-2 py-1 tabular-nums">{p.height_in !== undefined ? formatHeight(p.height_in) : ""}</td>
                <td className="px-2 py-1 tabular-nums">{p.weight_lb ?? ""}</td>
                <td className="px-2 py-1 tabular-nums">{p.forty?.toFixed(2) ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
