"use client";
// Create a session in the signed-in league (the cookie authorises it). The
// form is checked with the server's own schema first, so mistakes show next
// to the form without a round trip.
import { useState, type FormEvent } from "react";
import { adminApi, type CreatedSeats } from "@/lib/client/admin/admin-api";
import { usePoolChoice } from "@/lib/client/use-pool-choice";
import { describeError } from "@/lib/client/fetch-json";
import { issuesInWords } from "@/lib/client/error-words";
import { createSessionSchema, TRADE_CHARTS, type SeatAccess } from "@/lib/protocol/http";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "@/app/_components/ui";

const SEAT_ACCESS_CHOICES: { value: SeatAccess; label: string; hint: string }[] = [
  {
    value: "invite",
    label: "By invitation",
    hint: "Only the people you send a seat's link to can draft for it.",
  },
  {
    value: "open",
    label: "Open in the lobby",
    hint: "Anyone in the lobby can take a seat whose link nobody has used yet; that replaces the link.",
  },
];

interface Props {
  leagueId: string;
  /** the class to start on (a class's "New session"); else 2024 */
  initialPool?: string | undefined;
  onCreated: (created: CreatedSeats) => void;
}

export function CreateSessionPanel({ leagueId, initialPool, onCreated }: Props) {
  // the bundled classes and this league's imported ones
  const {
    pools,
    pool,
    selected,
    clubs: teams,
    chosen: humans,
    error: poolsError,
    choosePool,
    toggle,
  } = usePoolChoice({ leagueId, ...(initialPool ? { initial: initialPool } : {}) });
  const [name, setName] = useState("League mock");
  const [rounds, setRounds] = useState("2");
  const [seconds, setSeconds] = useState("90");
  const [cpuDelay, setCpuDelay] = useState("1500");
  const [chart, setChart] = useState<(typeof TRADE_CHARTS)[number]>("hill");
  const [seatAccess, setSeatAccess] = useState<SeatAccess>("invite");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const body = {
      name: name.trim(),
      pool,
      rounds: Number(rounds),
      seconds_per_pick: Number(seconds),
      cpu_delay_ms: Number(cpuDelay),
      human_teams: humans,
      trade_chart: chart,
      seat_access: seatAccess,
    };
    const checked = createSessionSchema.safeParse(body);
    if (!checked.success) {
      setError(issuesInWords(checked.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))));
      return;
    }
    setBusy(true);
    try {
      onCreated(await adminApi.createSession(body));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Create session">
      <form onSubmit={(e) => void submit(e)} className="space-y-3 p-3">
        <fieldset disabled={busy} className="space-y-3">
          <div>
            <label htmlFor="cs-name" className={labelClass}>
              Name
            </label>
            <input
              id="cs-name"
              className={inputClass}
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="cs-pool" className={labelClass}>
                Draft class
              </label>
              <select id="cs-pool" className={inputClass} value={pool} onChange={(e) => choosePool(e.target.value)}>
                <optgroup label="Real drafts">
                  {(pools ?? [])
                    .filter((p) => p.kind === "bundled")
                    .map((p) => (
                      <option key={p.pool} value={p.pool}>
                        {p.pool}
                      </option>
                    ))}
                </optgroup>
                {pools?.some((p) => p.kind === "imported") && (
                  <optgroup label="Your classes">
                    {pools
                      .filter((p) => p.kind === "imported")
                      .map((p) => (
                        <option key={p.pool} value={p.pool}>
                          {p.name}
                        </option>
                      ))}
                  </optgroup>
                )}
              </select>
            </div>
            <div>
              <label htmlFor="cs-rounds" className={labelClass}>
                Rounds
              </label>
              <input
                id="cs-rounds"
                type="number"
                min={1}
                max={Math.min(7, selected?.rounds ?? 7)}
                className={inputClass}
                value={rounds}
                onChange={(e) => setRounds(e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="cs-seconds" className={labelClass}>
                Seconds / pick
              </label>
              <input
                id="cs-seconds"
                type="number"
                min={0}
                max={3600}
                className={inputClass}
                value={seconds}
                onChange={(e) => setSeconds(e.target.value)}
                aria-describedby="cs-seconds-hint"
              />
              <p id="cs-seconds-hint" className="mt-1 text-xs text-slate-400">
                0 = untimed, else 5–3600
              </p>
            </div>
            <div>
              <label htmlFor="cs-delay" className={labelClass}>
                CPU delay (ms)
              </label>
              <input
                id="cs-delay"
                type="number"
                min={0}
                max={60000}
                step={100}
                className={inputClass}
                value={cpuDelay}
                onChange={(e) => setCpuDelay(e.target.value)}
              />
            </div>
            <div className="col-span-2">
              <label htmlFor="cs-chart" className={labelClass}>
                Trade chart
              </label>
              <select
                id="cs-chart"
                className={inputClass}
                value={chart}
                onChange={(e) => setChart(e.target.value as (typeof TRADE_CHARTS)[number])}
              >
                {TRADE_CHARTS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset>
            <legend className={labelClass}>Human seats ({humans.length}; the rest are CPU)</legend>
            <div className="grid max-h-40 grid-cols-4 gap-1 overflow-y-auto rounded-md border border-slate-700 p-2">
              {teams.map((team) => (
                <label
                  key={team.team_id}
                  title={team.name}
                  className="flex min-h-8 items-center gap-1.5 rounded px-1 text-sm hover:bg-slate-800"
                >
                  <input
                    type="checkbox"
                    className="accent-sky-400"
                    checked={humans.includes(team.team_id)}
                    onChange={() => toggle(team.team_id)}
                  />
                  {team.team_id}
                </label>
              ))}
              {pools === null && <p className="col-span-full text-sm text-slate-400">Loading teams…</p>}
            </div>
          </fieldset>
          <fieldset disabled={humans.length === 0}>
            <legend className={labelClass}>Who may take a human seat</legend>
            <div className="space-y-1 text-sm">
              {SEAT_ACCESS_CHOICES.map((choice) => (
                <label key={choice.value} className="flex items-start gap-2 rounded px-1 py-0.5 hover:bg-slate-800">
                  <input
                    type="radio"
                    name="cs-seat-access"
                    className="mt-1 accent-sky-400"
                    checked={seatAccess === choice.value}
                    onChange={() => setSeatAccess(choice.value)}
                  />
                  <span>
                    <span className="font-medium text-slate-100">{choice.label}</span>
                    <span className="block text-xs text-slate-400">{choice.hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className={buttonClass("primary", "w-full")} disabled={busy || !pool}>
            {busy ? "Creating…" : "Create session"}
          </button>
        </fieldset>
        <MessageLine message={error ?? poolsError} />
      </form>
    </Panel>
  );
}
