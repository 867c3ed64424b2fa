"use client";
// Who is picking now, which pick it is, and the pick clock. Fixed height so
// the panels below never move when the state changes.
import type { Role } from "@/lib/client/room-events";
import { formatClock, remainingMs } from "@/lib/client/pick-clock";
import { useNow } from "@/lib/client/use-now";
import type { Clock, SessionStatus, Snapshot } from "@/lib/protocol/shapes";

interface Props {
  snapshot: Snapshot | null;
  teamNames: Map<string, string>;
  role: Role | null;
  teamId: string | null;
  serverOffsetMs: number;
}

export function OnTheClock({ snapshot, teamNames, role, teamId, serverOffsetMs }: Props) {
  const current = snapshot?.current_pick ?? null;
  const yours = role === "team" && current !== null && current.team_id === teamId && snapshot?.status === "running";

  let headline = "Loading the draft…";
  let detail = "";
  if (snapshot && current) {
    headline = `${teamNames.get(current.team_id) ?? current.team_id} (${current.team_id})`;
    const via = current.original_team_id !== current.team_id ? ` · via ${current.original_team_id}` : "";
    detail = `Round ${current.round}, pick ${current.pick_in_round} · #${current.overall} overall${via}`;
    if (snapshot.status === "lobby") detail += " · waiting for the admin to start";
  } else if (snapshot) {
    headline = snapshot.status === "complete" ? "The draft is complete" : "No pick on the clock";
    detail = `${snapshot.picks.length} picks made`;
  }

  return (
    <section
      aria-label="On the clock"
      className={`flex h-24 items-center gap-3 rounded-lg border px-3 sm:px-4 ${yours ? "border-emerald-500 bg-emerald-950" : "border-slate-800 bg-slate-900"}`}
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-400">{yours ? "You are on the clock" : "On the clock"}</p>
        <p className="truncate text-lg font-bold text-slate-50 sm:text-2xl">{headline}</p>
        <p className="truncate text-sm text-slate-300">{detail}</p>
      </div>
      {snapshot && current && snapshot.status !== "complete" && (
        <Countdown clock={snapshot.clock} status={snapshot.status} serverOffsetMs={serverOffsetMs} />
      )}
    </section>
  );
}

function Countdown({ clock, status, serverOffsetMs }: { clock: Clock; status: SessionStatus; serverOffsetMs: number }) {
  const now = useNow(250);
  const untimed = clock.seconds_per_pick === 0;
  const left = now === null ? null : remainingMs(clock, status, now, serverOffsetMs);
  const urgent = status === "running" && left !== null && left <= 10_000;

  return (
    <div className="w-28 shrink-0 text-right">
      <div className={`font-mono font-bold tabular-nums ${untimed ? "text-xl text-slate-400" : `text-3xl sm:text-4xl ${urgent ? "text-rose-400" : "text-slate-50"}`}`}>
        {untimed ? "untimed" : left === null ? "–:––" : formatClock(left)}
      </div>
      <div className="text-xs uppercase tracking-wide text-slate-400">{status === "paused" ? "paused" : untimed ? "no pick clock" : "on the clock"}</div>
    </div>
  );
}
