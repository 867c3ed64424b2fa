"use client";
// One session, live: the board as a spectator sees it (over Socket.IO) and
// the commissioner's tools, which act over HTTP with the console's cookie.
import Link from "next/link";
import { useEffect } from "react";
import type { AdminSessionEntry } from "@/lib/client/admin/admin-api";
import { useLiveSession } from "@/lib/client/admin/use-live-session";
import type { ConnectionStatus } from "@/lib/client/realtime-connection";
import { DraftBoard } from "@/app/_components/draft-board";
import { buttonClass, MessageLine, StatusBadge } from "@/app/_components/ui";
import { ConsoleChat } from "./console-chat";
import { PickOnBehalf } from "./pick-on-behalf";
import { RunControls } from "./run-controls";
import { SeatRotation } from "./seat-rotation";
import { TradeDesk } from "./trade-desk";

type LiveSummary = Pick<AdminSessionEntry, "session_id" | "status" | "current_pick">;

interface Props {
  sessionId: string;
  onChanged: () => void;
  /** the live status, so the session list never contradicts the runner while its next poll is due */
  onLive: (summary: LiveSummary | null) => void;
}

export function SessionRunner({ sessionId, onChanged, onLive }: Props) {
  const live = useLiveSession(sessionId);
  const snapshot = live.snapshot;
  const status = snapshot?.status;
  const current = snapshot?.current_pick ?? null;
  useEffect(() => {
    onLive(status ? { session_id: sessionId, status, current_pick: current } : null);
  }, [sessionId, status, current, onLive]);
  const base = `/sessions/${encodeURIComponent(sessionId)}`;

  return (
    <section aria-label="Run session" className="min-w-0 space-y-3" data-testid="session-runner">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-800 bg-slate-900 px-3 py-2">
        <h2 className="mr-auto min-w-0 truncate text-lg font-semibold text-slate-50">
          {snapshot?.name ?? "Loading session…"}
        </h2>
        {snapshot && (
          <span data-testid="runner-status">
            <StatusBadge status={snapshot.status} />
          </span>
        )}
        <ConnectionBadge status={live.connection} onReconnect={live.reconnect} />
        <Link prefetch={false} className={buttonClass("secondary")} href={base}>
          Open room
        </Link>
        <Link prefetch={false} className={buttonClass("secondary")} href={`${base}/replay`}>
          Replay
        </Link>
        <Link prefetch={false} className={buttonClass("secondary")} href={`${base}/results`}>
          Results
        </Link>
      </div>
      {live.error && <MessageLine message={live.error} />}

      {snapshot && (
        <>
          <div
            className="flex flex-wrap items-center gap-3 text-sm text-slate-200"
            aria-live="polite"
            data-testid="on-the-clock"
          >
            {snapshot.current_pick ? (
              <span>
                On the clock: <strong>{snapshot.current_pick.team_id}</strong> — round {snapshot.current_pick.round},
                pick {snapshot.current_pick.pick_in_round} (#{snapshot.current_pick.overall})
              </span>
            ) : (
              <span>{snapshot.status === "complete" ? "Draft complete" : "Not started"}</span>
            )}
            <span className="text-slate-400">
              {snapshot.picks.length} of {snapshot.order.length} picks made
            </span>
            {live.presence && (
              <span className="text-slate-400">
                {plural(live.presence.teams.filter((t) => t.connected).length, "seat")} connected ·{" "}
                {live.presence.spectators} watching
              </span>
            )}
          </div>
          <RunControls sessionId={sessionId} snapshot={snapshot} onDone={onChanged} />
          <DraftBoard
            order={snapshot.order}
            picks={snapshot.picks}
            rounds={snapshot.rounds}
            teams={snapshot.teams}
            currentOverall={snapshot.current_pick?.overall ?? null}
          />
          <div className="grid gap-3 xl:grid-cols-3">
            <PickOnBehalf sessionId={sessionId} snapshot={snapshot} />
            <TradeDesk sessionId={sessionId} snapshot={snapshot} />
            <SeatRotation sessionId={sessionId} snapshot={snapshot} presence={live.presence} />
          </div>
          <ConsoleChat sessionId={sessionId} snapshot={snapshot} messages={live.chat} />
        </>
      )}
    </section>
  );
}

function ConnectionBadge({ status, onReconnect }: { status: ConnectionStatus; onReconnect: () => void }) {
  if (status.state === "reconnecting" && status.slow) {
    // the page keeps trying on its own; the button only saves the wait
    return (
      <span className="flex items-center gap-2 text-sm text-rose-300" data-testid="live-indicator">
        Live view lost · still trying
        <button type="button" className={buttonClass("secondary")} onClick={onReconnect}>
          Retry now
        </button>
      </span>
    );
  }
  const text =
    status.state === "connected"
      ? "Live"
      : status.state === "reconnecting"
        ? `Reconnecting (${status.attempt} of ${status.of})`
        : "Connecting…";
  const dot = status.state === "connected" ? "bg-emerald-400" : "bg-amber-400";
  return (
    <span className="flex items-center gap-1.5 text-sm text-slate-200" data-testid="live-indicator">
      <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} />
      {text}
    </span>
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
