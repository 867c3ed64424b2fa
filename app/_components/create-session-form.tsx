"use client";
// Create a draft session with the saved admin key, then show its seat links.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { api, errorMessage, type CreatedSession, type PoolSummaryView } from "@/lib/client/api";
import { createSessionSchema } from "@/lib/protocol/http";
import { SeatLinks } from "./seat-links";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "./ui";

export function CreateSessionForm({ adminKey }: { adminKey: string | null }) {
  const [pools, setPools] = useState<PoolSummaryView[] | null>(null);
  const [name, setName] = useState("Mock draft");
  const [pool, setPool] = useState("");
  const [rounds, setRounds] = useState("1");
  const [secondsPerPick, setSecondsPerPick] = useState("60");
  const [cpuDelayMs, setCpuDelayMs] = useState("1500");
  const [humanTeams, setHumanTeams] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedSession | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .listPools(controller.signal)
      .then((list) => {
        setPools(list);
        // the newest complete draft class first, as most mock drafters want
        setPool((current) => current || (list.find((p) => p.pool === "2024")?.pool ?? list.at(-1)?.pool ?? ""));
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(err));
      });
    return () => controller.abort();
  }, []);

  const selected = pools?.find((p) => p.pool === pool);
  const maxRounds = Math.min(7, selected?.rounds ?? 7);
  // teams in the order of their first pick, which is how people look for them
  const teams = useMemo(() => {
    if (!selected) return [];
    const firstPick = new Map<string, number>();
    for (const slot of selected.order) if (!firstPick.has(slot.team_id)) firstPick.set(slot.team_id, slot.overall);
    return [...selected.teams].sort((a, b) => (firstPick.get(a.team_id) ?? 999) - (firstPick.get(b.team_id) ?? 999));
  }, [selected]);

  const toggleTeam = (teamId: string) =>
    setHumanTeams((current) => (current.includes(teamId) ? current.filter((t) => t !== teamId) : [...current, teamId]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!adminKey) return;
    setError(null);
    const body = { name, pool, rounds: Number(rounds), seconds_per_pick: Number(secondsPerPick), human_teams: humanTeams, cpu_delay_ms: Number(cpuDelayMs) };
    // check with the server's own schema first, for a message next to the form instead of a round trip
    const checked = createSessionSchema.safeParse(body);
    if (!checked.success) {
      setError(checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      return;
    }
    setBusy(true);
    try {
      setCreated(await api.createSession(adminKey, body));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (created) return <SeatLinks created={created} onDone={() => setCreated(null)} />;

  return (
    <Panel title="Create session">
      <form onSubmit={submit} className="space-y-3 p-3">
        {!adminKey && <p className="text-sm text-slate-300">Create a league (or enter its admin key) to create sessions.</p>}
        <fieldset disabled={!adminKey || busy} className="space-y-3 disabled:opacity-60">
          <div>
            <label htmlFor="session-name" className={labelClass}>Name</label>
            <input id="session-name" className={inputClass} value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="session-pool" className={labelClass}>Draft class</label>
              <select id="session-pool" className={inputClass} value={pool} onChange={(e) => { setPool(e.target.value); setHumanTeams([]); }}>
                {(pools ?? []).map((p) => <option key={p.pool} value={p.pool}>{p.pool}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="session-rounds" className={labelClass}>Rounds</label>
              <input id="session-rounds" type="number" min={1} max={maxRounds} className={inputClass} value={rounds} onChange={(e) => setRounds(e.target.value)} />
            </div>
            <div>
              <label htmlFor="session-seconds" className={labelClass}>Seconds per pick</label>
              <input id="session-seconds" type="number" min={0} max={3600} className={inputClass} value={secondsPerPick} onChange={(e) => setSecondsPerPick(e.target.value)} aria-describedby="session-seconds-hint" />
              <p id="session-seconds-hint" className="mt-1 text-xs text-slate-400">0 = untimed, else 5–3600</p>
            </div>
            <div>
              <label htmlFor="session-cpu-delay" className={labelClass}>CPU delay (ms)</label>
              <input id="session-cpu-delay" type="number" min={0} max={60000} step={100} className={inputClass} value={cpuDelayMs} onChange={(e) => setCpuDelayMs(e.target.value)} />
            </div>
          </div>
          <fieldset>
            <legend className={labelClass}>Human teams ({humanTeams.length} selected; the rest are CPU)</legend>
            <div className="grid max-h-48 grid-cols-3 gap-1 overflow-y-auto rounded-md border border-slate-700 p-2 sm:grid-cols-4">
              {teams.map((team) => (
                <label key={team.team_id} title={team.name} className="flex min-h-8 items-center gap-1.5 rounded px-1 text-sm hover:bg-slate-800">
                  <input type="checkbox" className="accent-sky-400" checked={humanTeams.includes(team.team_id)} onChange={() => toggleTeam(team.team_id)} />
                  {team.team_id}
                </label>
              ))}
              {pools === null && <p className="col-span-full text-sm text-slate-400">Loading teams…</p>}
            </div>
          </fieldset>
          <button type="submit" className={buttonClass("primary", "w-full")} disabled={!adminKey || busy || !pool}>
            {busy ? "Creating…" : "Create session"}
          </button>
        </fieldset>
        <MessageLine message={error} />
      </form>
    </Panel>
  );
}
