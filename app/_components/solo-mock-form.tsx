"use client";
// Solo mock in two clicks: click your team, click Start. Every other setting
// has a sensible default and sits one click further, under "Settings".
import { useState, type FormEvent, type ReactNode } from "react";
import { enterRoom } from "@/lib/client/enter-room";
import { describeError } from "@/lib/client/fetch-json";
import { startSoloMock } from "@/lib/client/solo-mock";
import { usePoolChoice } from "@/lib/client/use-pool-choice";
import { mySeatsStore, seatTokenStore } from "@/lib/client/storage";
import { TRADE_CHARTS } from "@/lib/protocol/http";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "./ui";
import { teamColor } from "@/lib/client/team-colors";

const CLOCKS = [
  { value: 0, label: "Untimed" },
  { value: 30, label: "30 s" },
  { value: 60, label: "1 min" },
  { value: 120, label: "2 min" },
];
const CPU_SPEEDS = [
  { value: 0, label: "Instant" },
  { value: 500, label: "Fast" },
  { value: 1500, label: "Normal" },
  { value: 4000, label: "Slow" },
];

export function SoloMockForm() {
  const {
    pools,
    pool,
    selected,
    clubs,
    chosen: teams,
    error: poolsError,
    choosePool,
    toggle,
  } = usePoolChoice({ kind: "bundled" });
  const [rounds, setRounds] = useState(3);
  const [clock, setClock] = useState(0);
  const [cpuDelay, setCpuDelay] = useState(500);
  const [randomness, setRandomness] = useState(0.3);
  const [chart, setChart] = useState<(typeof TRADE_CHARTS)[number]>("hill");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (teams.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const created = await startSoloMock({
        name: `Mock ${pool} · ${teams.join(", ")}`,
        pool,
        rounds,
        seconds_per_pick: clock,
        human_teams: teams,
        cpu_delay_ms: cpuDelay,
        cpu_randomness: randomness,
        trade_chart: chart,
      });
      mySeatsStore.add(created.session_id, Object.fromEntries(created.seats.map((s) => [s.team_id, s.token])));
      const first = created.seats.find((s) => s.team_id === teams[0]) ?? created.seats[0];
      if (first) seatTokenStore.set(created.session_id, first.token);
      enterRoom(created.session_id);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Panel title="Solo mock draft">
      <form onSubmit={submit} className="space-y-3 p-3" aria-describedby="solo-hint">
        <p id="solo-hint" className="text-sm text-slate-300">
          Pick your team (or several), then start. CPU GMs draft for everyone else.
        </p>
        <fieldset>
          <legend className={labelClass}>Your team{teams.length > 1 ? `s (${teams.length})` : ""}</legend>
          <div className="grid min-h-40 grid-cols-4 gap-1.5 sm:grid-cols-8 lg:grid-cols-4 xl:grid-cols-8">
            {pools === null && !poolsError && <p className="col-span-full text-sm text-slate-400">Loading teams…</p>}
            {clubs.map((club) => {
              const on = teams.includes(club.team_id);
              const color = teamColor(club.team_id);
              return (
                <button
                  key={club.team_id}
                  type="button"
                  aria-pressed={on}
                  title={club.name}
                  aria-label={club.name}
                  onClick={() => toggle(club.team_id)}
                  className={`h-10 rounded-md border-2 text-sm font-bold transition-colors ${on ? "border-sky-300" : "border-transparent opacity-80 hover:opacity-100"}`}
                  style={{ backgroundColor: color.bg, color: color.fg }}
                >
                  {club.team_id}
                  {on && <span aria-hidden> ✓</span>}
                </button>
              );
            })}
          </div>
        </fieldset>

        <details className="rounded-md border border-slate-700 p-2">
          <summary className="cursor-pointer text-sm font-medium text-slate-200">
            Settings: {pool} class · {rounds} round{rounds === 1 ? "" : "s"} ·{" "}
            {CLOCKS.find((c) => c.value === clock)?.label} · {CPU_SPEEDS.find((c) => c.value === cpuDelay)?.label} CPU
          </summary>
          <div className="mt-2 grid grid-cols-2 gap-2">
            <Field id="solo-pool" label="Draft class">
              <select id="solo-pool" className={inputClass} value={pool} onChange={(e) => choosePool(e.target.value)}>
                {(pools ?? []).map((p) => (
                  <option key={p.pool} value={p.pool}>
                    {p.pool}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="solo-rounds" label="Rounds">
              <select
                id="solo-rounds"
                className={inputClass}
                value={rounds}
                onChange={(e) => setRounds(Number(e.target.value))}
              >
                {[1, 2, 3, 4, 5, 6, 7]
                  .filter((r) => r <= (selected?.rounds ?? 7))
                  .map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
              </select>
            </Field>
            <Field id="solo-clock" label="Pick clock">
              <select
                id="solo-clock"
                className={inputClass}
                value={clock}
                onChange={(e) => setClock(Number(e.target.value))}
              >
                {CLOCKS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="solo-cpu" label="CPU speed">
              <select
                id="solo-cpu"
                className={inputClass}
                value={cpuDelay}
                onChange={(e) => setCpuDelay(Number(e.target.value))}
              >
                {CPU_SPEEDS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="solo-randomness" label={`CPU randomness ${Math.round(randomness * 100)} %`}>
              <input
                id="solo-randomness"
                type="range"
                min={0}
                max={1}
                step={0.05}
                className="h-9 w-full accent-sky-400"
                value={randomness}
                onChange={(e) => setRandomness(Number(e.target.value))}
              />
            </Field>
            <Field id="solo-chart" label="Trade chart">
              <select
                id="solo-chart"
                className={inputClass}
                value={chart}
                onChange={(e) => setChart(e.target.value as typeof chart)}
              >
                {TRADE_CHARTS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </details>

        <button
          type="submit"
          className={buttonClass("primary", "w-full text-base")}
          disabled={busy || teams.length === 0 || !pool}
        >
          {busy ? "Starting…" : teams.length ? `Start mock as ${teams.join(", ")}` : "Pick a team to start"}
        </button>
        <MessageLine message={error ?? poolsError} />
      </form>
    </Panel>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}
