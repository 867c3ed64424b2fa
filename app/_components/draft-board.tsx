"use client";
// The draft board: one row per round, one fixed-size cell per pick, the club's
// colour on each cell, traded picks marked, and the player written in once
// picked. Shared by the draft room and the replay page, so it only takes plain
// data (no socket, no session) and keeps its size whatever is in the cells:
// a pick landing must never move anything else on the page.
import { memo, useEffect, useMemo, useRef } from "react";
import type { DraftPick, Slot } from "@/lib/protocol/shapes";
import { teamColor } from "@/lib/client/team-colors";

export interface DraftBoardProps {
  order: Slot[];
  picks: DraftPick[];
  rounds: number;
  teams: { team_id: string; name: string }[];
  /** the pick on the clock (or the replay's cursor); null when none */
  currentOverall: number | null;
  /** the viewer's team: its cells get an outline so "my picks" stand out */
  highlightTeam?: string | null;
  className?: string;
}

export function DraftBoard({
  order,
  picks,
  rounds,
  teams,
  currentOverall,
  highlightTeam = null,
  className = "",
}: DraftBoardProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.team_id, t.name])), [teams]);
  const pickByOverall = useMemo(() => new Map(picks.map((p) => [p.overall, p])), [picks]);

  // Rows by round; the widest round sets the column count (compensatory picks
  // make later rounds longer than 32), shorter rounds leave blank cells.
  const { rows, columns } = useMemo(() => {
    const byRound = new Map<number, Slot[]>();
    for (const slot of order) {
      const list = byRound.get(slot.round) ?? [];
      list.push(slot);
      byRound.set(slot.round, list);
    }
    const roundCount = Math.max(rounds, ...byRound.keys(), 0);
    const list = Array.from({ length: roundCount }, (_, i) => ({
      round: i + 1,
      slots: (byRound.get(i + 1) ?? []).slice().sort((a, b) => a.pick_in_round - b.pick_in_round),
    }));
    return { rows: list, columns: Math.max(0, ...list.map((r) => r.slots.length)) };
  }, [order, rounds]);

  useEffect(() => {
    // Scroll the board itself (never the page) so the current pick is in view.
    const box = scrollRef.current;
    const cell = box?.querySelector<HTMLElement>(`[data-overall="${currentOverall}"]`);
    if (!box || !cell) return;
    const left = cell.offsetLeft - box.clientWidth / 2 + cell.offsetWidth / 2;
    const top = cell.offsetTop - box.clientHeight / 2 + cell.offsetHeight / 2;
    box.scrollTo({ left: Math.max(0, left), top: Math.max(0, top), behavior: "auto" });
  }, [currentOverall, columns]);

  return (
    <div
      ref={scrollRef}
      className={`relative max-h-[30rem] overflow-auto rounded-md border border-slate-800 ${className}`}
      data-testid="draft-board"
      tabIndex={0}
      aria-label="Draft board, scrollable"
    >
      <table
        className="table-fixed border-separate border-spacing-1 text-xs"
        style={{ width: `${4 + columns * 7.5}rem` }}
      >
        <caption className="sr-only">
          Draft board: {rows.length} rounds, {picks.length} picks made
        </caption>
        <colgroup>
          <col style={{ width: "3.5rem" }} />
          {Array.from({ length: columns }, (_, i) => (
            <col key={i} style={{ width: "7.25rem" }} />
          ))}
        </colgroup>
        <tbody>
          {rows.map(({ round, slots }) => (
            <tr key={round}>
              <th scope="row" className="sticky left-0 z-10 bg-slate-950 px-1 text-left font-semibold text-slate-300">
                Rd {round}
              </th>
              {slots.map((slot) => (
                <BoardCell
                  key={slot.overall}
                  slot={slot}
                  pick={pickByOverall.get(slot.overall)}
                  teamName={teamNames.get(slot.team_id) ?? slot.team_id}
                  current={slot.overall === currentOverall}
                  mine={highlightTeam !== null && slot.team_id === highlightTeam}
                />
              ))}
              {Array.from({ length: columns - slots.length }, (_, i) => (
                <td key={`blank-${i}`} aria-hidden />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CellProps {
  slot: Slot;
  pick: DraftPick | undefined;
  teamName: string;
  current: boolean;
  mine: boolean;
}

// Memoised: a live pick re-renders one cell, not the whole 250-cell board.
const BoardCell = memo(function BoardCell({ slot, pick, teamName, current, mine }: CellProps) {
  const color = teamColor(slot.team_id);
  const traded = slot.team_id !== slot.original_team_id;
  const label = `Pick ${slot.overall}, round ${slot.round} pick ${slot.pick_in_round}, ${teamName}${traded ? `, via ${slot.original_team_id}` : ""}${
    pick ? `: ${pick.player.name}, ${pick.player.position}` : current ? ": on the clock" : ""
  }`;
  const ring = current ? "ring-2 ring-sky-400" : mine ? "ring-1 ring-amber-300" : "";
  return (
    <td
      data-overall={slot.overall}
      data-team={slot.team_id}
      data-player-id={pick?.player.player_id}
      data-traded={traded || undefined}
      aria-current={current ? "step" : undefined}
      title={label}
      className={`h-14 overflow-hidden rounded border-l-4 px-1.5 py-1 align-top ${pick ? "bg-slate-800" : current ? "bg-sky-950" : "bg-slate-900"} ${ring}`}
      style={{ borderLeftColor: color.bg }}
    >
      <span className="sr-only">{label}</span>
      <span aria-hidden className="flex items-center gap-1">
        <span className="tabular-nums text-slate-400">
          {slot.round}.{String(slot.pick_in_round).padStart(2, "0")}
        </span>
        <span className="rounded px-1 font-bold leading-4" style={{ backgroundColor: color.bg, color: color.fg }}>
          {slot.team_id}
        </span>
        {traded && <span className="truncate text-[0.65rem] text-amber-300">⇄{slot.original_team_id}</span>}
      </span>
      <span aria-hidden className="block truncate font-medium text-slate-50">
        {pick ? pick.player.name : current ? <span className="text-sky-300">on the clock</span> : "\u00a0"}
      </span>
      <span aria-hidden className="block truncate text-[0.7rem] text-slate-400">
        {pick ? `${pick.player.position}${pick.auto ? " · auto" : ""}` : "\u00a0"}
      </span>
    </td>
  );
});
