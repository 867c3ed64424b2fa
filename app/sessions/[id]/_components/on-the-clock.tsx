"use client";
// Who is picking now, which pick it is, the pick clock, and how soon the
// viewer's own team picks. Fixed height so nothing below moves when it changes;
// pinned to the top of the screen so the clock stays in sight while scrolling
// the player list (on a phone the list is far below). While the connection is
// down the countdown freezes and greys: the server's clock is unknown.
import type { Role } from "@/lib/client/room-events";
import { formatClock, remainingMs } from "@/lib/client/pick-clock";
import { picksUntil, yourPickLine } from "@/lib/client/room-view";
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
  /** connected to the server: false freezes the countdown */
  live: boolean;
}

export function OnTheClock({ snapshot, teamNames, role, teamId, serverOffsetMs, live }: Props) {
  const current = snapshot?.current_pick ?? null;
  const mine = role === "team" && teamId && snapshot ? picksUntil(snapshot, teamId) : null;
  const yours = mine?.in === 0 && snapshot?.status === "running";

  let headline = "Loading the draft…";
  let detail = "";
  if (snapshot?.status === "lobby") {
    headline = "Draft not started";
    detail = `Waiting for the admin to start · ${snapshot.order.length} picks in ${snapshot.rounds} round${snapshot.rounds === 1 ? "" : "s"}`;
  } else if (snapshot && current) {
    headline = teamNames.get(current.team_id) ?? current.team_id;
    const via = current.original_team_id !== current.team_id ? ` · via ${current.original_team_id}` : "";
    detail = `Round ${current.round}, pick ${current.pick_in_round} · #${current.overall} overall${via}`;
  } else if (snapshot) {
    headline = snapshot.status === "complete" ? "Draft complete" : "No pick on the clock";
    detail = `${snapshot.picks.length} picks made`;
  }

  return (
    <section
      aria-label="On the clock"
      data-testid="on-the-clock"
      className={`sticky top-0 z-20 grid h-28 grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 rounded-lg border px-3 shadow-lg shadow-slate-950/60 sm:h-24 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:px-4 ${
        yours ? "border-emerald-400 bg-emerald-950" : "border-slate-800 bg-slate-900"
      }`}
    >
      <div className="min-w-0">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-300">
          {yours
            ? "You are on the clock"
            : (current && snapshot?.status !== "lobby") || !snapshot
              ? "On the clock"
              : "Draft status"}
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
        <Countdown clock={snapshot.clock} status={snapshot.status} serverOffsetMs={serverOffsetMs} live={live} />
      ) : (
        <div />
      )}
      {role === "team" && (
        // wide enough for the longest line ("You are on the clock (#217) · paused"), and it may wrap rather than cut
        <p
          data-testid="your-pick"
          className={`col-span-2 text-sm leading-tight sm:col-span-1 sm:w-48 sm:text-right lg:w-60 ${yours ? "font-semibold text-emerald-200" : "text-slate-300"}`}
        >
          {snapshot && teamId ? yourPickLine(snapshot, teamId) : "\u00a0"}
        </p>
      )}
    </section>
  );
}

interface CountdownProps {
  clock: Clock;
  status: SessionStatus;
  serverOffsetMs: number;
  live: boolean;
}

function Countdown({ clock, status, serverOffsetMs, live }: CountdownProps) {
  // 100 ms ticks: with m:ss shown rounded up, the display is never more than a tick behind the deadline;
  // offline the ticks stop, so the clock holds what it showed when the connection went
  const now = useNow(100, live);
  const untimed = clock.seconds_per_pick === 0;
  const left = now === null ? null : remainingMs(clock, status, now, serverOffsetMs);
  const urgent = live && status === "running" && left !== null && left <= 10_000;
  const colour = !live ? "text-slate-500" : urgent ? "text-rose-300" : "text-slate-50";

  return (
    <div
      className="w-24 text-right sm:w-28"
      data-testid="countdown"
      data-remaining-ms={left ?? undefined}
      data-deadline={clock.deadline ?? undefined}
      data-frozen={!live}
    >
      <div
        className={`font-mono font-bold tabular-nums ${untimed ? `text-xl ${live ? "text-slate-300" : "text-slate-500"}` : `text-3xl sm:text-4xl ${colour}`}`}
      >
        {untimed ? "untimed" : left === null ? "–:––" : formatClock(left)}
      </div>
      <div className="text-xs uppercase tracking-wide text-slate-300">
        {!live
          ? "offline"
          : status === "paused"
            ? "paused"
            : status === "lobby"
              ? "not started"
              : untimed
                ? "no pick clock"
                : "left"}
      </div>
    </div>
  );
}
