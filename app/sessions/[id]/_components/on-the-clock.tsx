"use client";
// Who is picking now, which pick it is, the pick clock, and how soon the
// viewer's own team picks. Fixed height so nothing below moves when it changes.
import type { Role } from "@/lib/client/room-events";
import { formatClock, remainingMs } from "@/lib/client/pick-clock";
import { picksUntil } from "@/lib/client/room-view";
import { useNow } from "@/lib/client/use-now";
import type { Clock, SessionStatus, Snapshot } from "@/lib/protocol/shapes";
import { TeamChip } from "@/app/_components/team-chip";
import { DraftCompleteLinks } from "./draft-complete-links";

interface Props {
  snapshot: Snapshot | null;
  teamNames: Map<string, string>;
  role: Role | null;
  teamId: string | null;
  serverOffsetMs: number;
}

export function OnTheClock({ snapshot, teamNames, role, teamId, serverOffsetMs }: Props) {
  const current = snapshot?.current_pick ?? null;
  const mine = role === "team" && teamId && snapshot ? picksUntil(snapshot, teamId) : null;
  const yours = mine?.in === 0 && snapshot?.status === "running";

  let headline = "Loading the draft…";
  let detail = "";
  if (snapshot && current) {
    headline = teamNames.get(current.team_id) ?? current.team_id;
    const via = current.original_team_id !== current.team_id ? ` · via ${current.original_team_id}` : "";
    detail = `Round ${current.round}, pick ${current.pick_in_round} · #${current.overall} overall${via}`;
    if (snapshot.status === "lobby") detail += " · waiting for the admin to start";
  } else if (snapshot) {
    headline = snapshot.status === "complete" ? "Draft complete" : "No pick on the clock";
    detail = `${snapshot.picks.length} picks made`;
  }

  return (
    <section
      aria-label="On the clock"
      data-testid="on-the-clock"
      className={`grid h-28 grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 rounded-lg border px-3 sm:h-24 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:px-4 ${
        yours ? "border-emerald-400 bg-emerald-950" : "border-slate-800 bg-slate-900"
      }`}
    >
      <div className="min-w-0">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-300">
          {yours ? "You are on the clock" : current || !snapshot ? "On the clock" : "Draft status"}
        </p>
        <p className="flex min-w-0 items-center gap-2 text-lg font-bold text-slate-50 sm:text-2xl">
          {current && <TeamChip teamId={current.team_id} className="text-sm" />}
          <span className="truncate" data-testid="on-the-clock-team">
            {headline}
          </span>
        </p>
        {snapshot?.status === "complete" && !current ? (
          <DraftCompleteLinks sessionId={snapshot.session_id} picks={snapshot.picks.length} />
        ) : (
          <p className="truncate text-sm text-slate-300">{detail}</p>
        )}
      </div>
      {snapshot && current && snapshot.status !== "complete" ? (
        <Countdown clock={snapshot.clock} status={snapshot.status} serverOffsetMs={serverOffsetMs} />
      ) : (
        <div />
      )}
      {role === "team" && (
        <p
          data-testid="your-pick"
          className={`col-span-2 truncate text-sm sm:col-span-1 sm:w-32 sm:text-right ${yours ? "font-semibold text-emerald-200" : "text-slate-300"}`}
        >
          {!snapshot
            ? "\u00a0"
            : yours
              ? "It is your pick now"
              : mine
                ? `Your pick is in ${mine.in} (#${mine.slot.overall})`
                : "No picks left"}
        </p>
      )}
    </section>
  );
}

function Countdown({ clock, status, serverOffsetMs }: { clock: Clock; status: SessionStatus; serverOffsetMs: number }) {
  // 100 ms ticks: with m:ss shown rounded up, the display is never more than a tick behind the deadline
  const now = useNow(100);
  const untimed = clock.seconds_per_pick === 0;
  const left = now === null ? null : remainingMs(clock, status, now, serverOffsetMs);
  const urgent = status === "running" && left !== null && left <= 10_000;

  return (
    <div
      className="w-24 text-right sm:w-28"
      data-testid="countdown"
      data-remaining-ms={left ?? undefined}
      data-deadline={clock.deadline ?? undefined}
    >
      <div
        className={`font-mono font-bold tabular-nums ${untimed ? "text-xl text-slate-300" : `text-3xl sm:text-4xl ${urgent ? "text-rose-300" : "text-slate-50"}`}`}
      >
        {untimed ? "untimed" : left === null ? "–:––" : formatClock(left)}
      </div>
      <div className="text-xs uppercase tracking-wide text-slate-300">
        {status === "paused" ? "paused" : status === "lobby" ? "not started" : untimed ? "no pick clock" : "left"}
      </div>
    </div>
  );
}
