"use client";
// Pick for the team on the clock (an absent player, a stuck seat). The pick
// names the pick number it is aimed at, so if the clock moved on meanwhile the
// server answers "conflict" rather than spending the next team's pick.
import { useMemo, useState, type FormEvent } from "react";
import { adminApi } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import { useAvailablePlayers } from "@/lib/client/use-available-players";
import type { Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "@/app/_components/ui";

const SHOWN = 40;

export function PickOnBehalf({ sessionId, snapshot }: { sessionId: string; snapshot: Snapshot }) {
  const { players, error: playersError } = useAvailablePlayers(sessionId, snapshot);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);
  const current = snapshot.current_pick;

  // the list is fetched once and kept current from the live board (useAvailablePlayers)
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (players ?? [])
      .filter((p) => !q || p.name.toLowerCase().includes(q) || p.position.toLowerCase() === q)
      .slice(0, SHOWN);
  }, [players, query]);
  const player = shown.find((p) => p.player_id === chosen) ?? null;
  const canPick = snapshot.status === "running" && current !== null && player !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!current || !player) return;
    setBusy(true);
    setMessage(null);
    try {
      const { pick } = await adminApi.pick(sessionId, {
        team_id: current.team_id,
        player_id: player.player_id,
        expected_overall: current.overall,
      });
      setMessage({ text: `#${pick.overall} ${pick.team_id}: ${pick.player.name}`, tone: "info" });
      setChosen("");
    } catch (err) {
      setMessage({ text: describeError(err), tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title={current ? `Pick for ${current.team_id} (#${current.overall})` : "Pick for a team"}>
      <form className="space-y-2 p-3" onSubmit={(e) => void submit(e)}>
        <label htmlFor="pob-search" className={labelClass}>
          Find a player
        </label>
        <input
          id="pob-search"
          className={inputClass}
          placeholder="Name or position"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor="pob-player" className="sr-only">
          Available players
        </label>
        <select
          id="pob-player"
          size={6}
          className={`${inputClass} h-40`}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          {shown.map((p) => (
            <option key={p.player_id} value={p.player_id}>
              {p.rank}. {p.name} — {p.position}
              {p.college ? `, ${p.college}` : ""}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass("primary", "w-full")} disabled={busy || !canPick}>
          {player && current ? `Pick ${player.name} for ${current.team_id}` : "Choose a player"}
        </button>
        {snapshot.status !== "running" && (
          <p className="text-xs text-slate-400">Picks can be made while the draft is running.</p>
        )}
        <MessageLine message={message?.text ?? playersError} tone={message?.tone ?? "error"} />
      </form>
    </Panel>
  );
}
