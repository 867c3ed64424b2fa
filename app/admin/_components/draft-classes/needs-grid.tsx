"use client";
// Each club's needs by position, 0 to 1, as a grid: one row a club, one column
// a position. A cell is shaded by its value so a club's priorities read at a
// glance; on a phone the grid scrolls sideways with the club column pinned.
import { useState } from "react";
import { POSITIONS } from "@/lib/protocol/positions";
import type { PositionNeeds } from "@/lib/protocol/pools";
import { TeamChip } from "@/app/_components/team-chip";

interface Props {
  needs: PositionNeeds;
  teams: { team_id: string; name: string }[];
  onChange: (needs: PositionNeeds) => void;
  disabled?: boolean;
}

/** A typed value as a need: a number clamped to 0–1 with two decimals, or null while it is not one. */
function asNeed(text: string): number | null {
  const value = Number(text.replace(",", "."));
  if (text.trim() === "" || !Number.isFinite(value)) return null;
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

export function NeedsGrid({ needs, teams, onChange, disabled = false }: Props) {
  // what is typed, per cell, until it leaves the cell: "0." is not a number yet
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const cellKey = (team: string, position: string) => `${team}:${position}`;

  function commit(team: string, position: string) {
    const key = cellKey(team, position);
    const text = drafts[key];
    if (text === undefined) return;
    setDrafts(({ [key]: _done, ...rest }) => rest);
    const value = asNeed(text);
    if (value === null || value === needs[team]?.[position]) return;
    onChange({ ...needs, [team]: { ...needs[team], [position]: value } });
  }

  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-700" data-testid="needs-grid">
      <table className="border-separate border-spacing-0 text-xs">
        <caption className="sr-only">Team needs by position, from 0 (none) to 1 (most pressing)</caption>
        <thead className="sticky top-0 z-20 bg-slate-900">
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-30 bg-slate-900 px-2 py-1.5 text-left font-semibold text-slate-300"
            >
              Club
            </th>
            {POSITIONS.map((position) => (
              <th key={position} scope="col" className="px-0.5 py-1.5 text-center font-semibold text-slate-300">
                {position}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.team_id}>
              <th
                scope="row"
                className="sticky left-0 z-10 border-t border-slate-800 bg-slate-900 px-2 py-0.5 text-left"
              >
                <TeamChip teamId={team.team_id} title={team.name} />
              </th>
              {POSITIONS.map((position) => {
                const value = needs[team.team_id]?.[position] ?? 0;
                const key = cellKey(team.team_id, position);
                return (
                  <td
                    key={position}
                    className="border-t border-slate-800 p-0.5"
                    style={{ backgroundColor: `rgba(56, 189, 248, ${0.08 + value * 0.45})` }}
                  >
                    <input
                      type="text"
                      inputMode="decimal"
                      disabled={disabled}
                      aria-label={`${team.name} need at ${position}`}
                      className="h-7 w-11 rounded border border-transparent bg-transparent text-center tabular-nums text-slate-50 hover:border-slate-600 focus:border-sky-400 focus:bg-slate-950"
                      value={drafts[key] ?? String(value)}
                      onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
                      onBlur={() => commit(team.team_id, position)}
                      onKeyDown={(e) => {
                        // Enter sets the value; it must not submit the form around the grid
                        if (e.key !== "Enter") return;
                        e.preventDefault();
                        commit(team.team_id, position);
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
