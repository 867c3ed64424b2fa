"use client";
// For a mock of a real class: each pick so far beside where that player
// really went, and how far the mock was off. Green when the same club took
// him, amber when the mock reached (took him earlier than the NFL did).
import { useMemo } from "react";
import { compareWithReal, sameTeamCount } from "@/lib/client/replay/mock-vs-real";
import type { DraftPick, Snapshot } from "@/lib/protocol/shapes";
import { Panel } from "@/app/_components/ui";

export function MockVsReal({ picks, real }: { picks: DraftPick[]; real: Snapshot }) {
  const rows = useMemo(() => compareWithReal(picks, real).reverse(), [picks, real]);
  const same = sameTeamCount(rows);

  return (
    <Panel
      title="Mock vs real"
      actions={
        <span className="text-xs text-slate-300">
          {same} of {rows.length} on the same team
        </span>
      }
    >
      <div className="h-72 overflow-y-auto" data-testid="mock-vs-real">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Each mock pick and where the player went in {real.name}</caption>
          <thead className="sticky top-0 bg-slate-900 text-xs uppercase tracking-wide text-slate-300">
            <tr>
              <th scope="col" className="px-3 py-1.5">
                Mock
              </th>
              <th scope="col" className="px-2 py-1.5">
                Player
              </th>
              <th scope="col" className="px-2 py-1.5">
                Really
              </th>
              <th
                scope="col"
                className="px-3 py-1.5 text-right"
                title="Real pick minus mock pick: + means the mock took him earlier than the NFL did"
              >
                Off by
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="px-3 py-2 text-slate-400">
                  No picks yet.
                </td>
              </tr>
            )}
            {rows.map(({ pick, real: where, delta }) => (
              <tr key={pick.overall} className="border-t border-slate-800" data-overall={pick.overall}>
                <td className="px-3 py-1 tabular-nums">
                  #{pick.overall} <span className="font-semibold">{pick.team_id}</span>
                </td>
                <td className="max-w-0 truncate px-2 py-1">
                  {pick.player.name} <span className="text-slate-400">{pick.player.position}</span>
                </td>
                <td className={`px-2 py-1 tabular-nums ${where?.team_id === pick.team_id ? "text-emerald-300" : ""}`}>
                  {where ? (
                    <>
                      #{where.overall} <span className="font-semibold">{where.team_id}</span>
                    </>
                  ) : (
                    <span className="text-slate-400">undrafted</span>
                  )}
                </td>
                <td
                  className={`px-3 py-1 text-right tabular-nums ${delta !== null && delta > 10 ? "text-amber-300" : "text-slate-200"}`}
                >
                  {delta === null ? "—" : delta === 0 ? "exact" : delta > 0 ? `+${delta}` : delta}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
