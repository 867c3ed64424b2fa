"use client";
// Available players with a position filter and a search box, and a Pick button
// per player for whoever may pick now (the seat on the clock, or an admin).
import { useDeferredValue, useMemo, useState } from "react";
import type { AckOutcome } from "@/lib/client/emit-ack";
import type { Player } from "@/lib/protocol/shapes";
import { buttonClass, inputClass, MessageLine, Panel } from "@/app/_components/ui";

/** Rendering thousands of rows helps nobody; filter to find the rest. */
const MAX_ROWS = 300;

interface Props {
  players: Player[] | null;
  loadError: string | null;
  showPickColumn: boolean;
  mayPick: boolean;
  /** set for an admin, who picks on behalf of the team on the clock */
  pickingFor: string | null;
  currentOverall: number | null;
  onPick: (playerId: string) => Promise<AckOutcome>;
  className?: string;
}

export function PlayerBoard({ players, loadError, showPickColumn, mayPick, pickingFor, currentOverall, onPick, className = "" }: Props) {
  const [query, setQuery] = useState("");
  const [position, setPosition] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);
  const deferredQuery = useDeferredValue(query);

  const positions = useMemo(() => {
    const set = new Set((players ?? []).map((p) => p.position));
    if (position) set.add(position);
    return [...set].sort();
  }, [players, position]);

  const filtered = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return (players ?? []).filter(
      (p) => (!position || p.position === position) && (!needle || p.name.toLowerCase().includes(needle) || (p.college ?? "").toLowerCase().includes(needle)),
    );
  }, [players, position, deferredQuery]);

  async function pick(player: Player) {
    setPending(player.player_id);
    setMessage(null);
    const outcome = await onPick(player.player_id);
    setPending(null);
    setMessage(outcome.ok ? { text: `Picked ${player.name}.`, tone: "info" } : { text: outcome.error.message, tone: "error" });
  }

  const title = `Available players${players ? ` (${players.length})` : ""}`;
  return (
    <Panel title={title} className={className} actions={pickingFor && mayPick ? <span className="text-xs text-sky-300">Picking for {pickingFor}</span> : null}>
      <div className="flex flex-wrap gap-2 px-3 pt-3">
        <label className="sr-only" htmlFor="player-search">Search players</label>
        <input id="player-search" type="search" placeholder="Search name or college" className={`${inputClass} min-w-0 flex-1 basis-40`} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="sr-only" htmlFor="player-position">Position</label>
        <select id="player-position" className={`${inputClass} w-28`} value={position} onChange={(e) => setPosition(e.target.value)}>
          <option value="">All positions</option>
          {positions.map((pos) => <option key={pos} value={pos}>{pos}</option>)}
        </select>
      </div>
      <div className="px-3 py-1">
        <MessageLine message={loadError ?? message?.text ?? null} tone={loadError ? "error" : (message?.tone ?? "error")} />
      </div>
      <ul className="h-[26rem] overflow-y-auto border-t border-slate-800 text-sm lg:h-[31rem]">
        {players === null && !loadError && <li className="p-3 text-slate-400">Loading players…</li>}
        {players !== null && filtered.length === 0 && <li className="p-3 text-slate-400">No players match.</li>}
        {filtered.slice(0, MAX_ROWS).map((player) => (
          <li key={player.player_id} className="flex min-h-11 items-center gap-2 border-b border-slate-800/70 px-3 py-1">
            <span className="w-9 shrink-0 text-right tabular-nums text-slate-400">{player.rank}</span>
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-50">{player.name}</span>
              <span className="block truncate text-xs text-slate-400">{player.college ?? "\u00a0"}</span>
            </span>
            <span className="w-10 shrink-0 text-center text-xs font-semibold text-slate-200">{player.position}</span>
            {showPickColumn && (
              <button
                type="button"
                className={buttonClass("primary", "w-16 shrink-0")}
                disabled={!mayPick || pending !== null || currentOverall === null}
                aria-label={`Pick ${player.name}`}
                onClick={() => void pick(player)}
              >
                {pending === player.player_id ? "…" : "Pick"}
              </button>
            )}
          </li>
        ))}
        {filtered.length > MAX_ROWS && <li className="p-3 text-slate-400">{filtered.length - MAX_ROWS} more — narrow the search to see them.</li>}
      </ul>
    </Panel>
  );
}
