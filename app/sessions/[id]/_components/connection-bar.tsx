"use client";
// One fixed-height line for the connection: connected, or reconnecting (attempt
// n of 5 with a countdown, then "still trying" every 10 to 30 s; never a dead
// end, "Retry now" only saves the wait). Join errors show here too, since both
// mean "you are not seeing live updates".
import type { ReactNode } from "react";
import type { ClientError } from "@/lib/client/emit-ack";
import type { ConnectionStatus } from "@/lib/client/realtime-connection";
import { useNow } from "@/lib/client/use-now";
import { buttonClass } from "@/app/_components/ui";

interface Props {
  status: ConnectionStatus;
  joining: boolean;
  joinError: ClientError | null;
  onReconnect: () => void;
  onRejoin: () => void;
  /** offered when a token was refused: carry on without it */
  onSpectate: (() => void) | undefined;
}

export function ConnectionBar({ status, joining, joinError, onReconnect, onRejoin, onSpectate }: Props) {
  const now = useNow(500);
  let dot = "bg-emerald-400";
  let text = joining ? "Connected · joining the room…" : "Connected · live";
  let detail = ""; // changes every tick: kept out of the live region so screen readers are not flooded
  let action: ReactNode = null;

  if (status.state === "connecting") {
    dot = "bg-sky-400";
    text = "Connecting…";
  } else if (status.state === "reconnecting") {
    dot = "bg-amber-400";
    const wait = now === null ? null : Math.max(0, Math.ceil((status.next_at_ms - now) / 1000));
    text = status.slow ? "Still reconnecting, trying again" : `Reconnecting, attempt ${status.attempt} of ${status.of}`;
    detail = wait ? ` in ${wait} s` : "…";
    action = (
      <button type="button" className={buttonClass("secondary", "min-h-8 py-1")} onClick={onReconnect}>
        Retry now
      </button>
    );
  } else if (joinError) {
    dot = "bg-rose-500";
    text = `Could not join: ${joinError.message}`;
    action = (
      <span className="flex gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={onRejoin}>
          Try again
        </button>
        {onSpectate && (
          <button type="button" className={buttonClass("secondary")} onClick={onSpectate}>
            Watch instead
          </button>
        )}
      </span>
    );
  }

  const alarming = status.state === "reconnecting" || (status.state === "connected" && joinError);
  return (
    <div
      role="status"
      data-testid="connection"
      data-state={status.state}
      data-attempt={status.state === "reconnecting" ? status.attempt : undefined}
      data-next-at={status.state === "reconnecting" ? status.next_at_ms : undefined}
      className={`flex h-12 items-center gap-2 rounded-lg border px-3 text-sm ${alarming ? "border-rose-800 bg-rose-950/60" : "border-slate-800 bg-slate-900"}`}
    >
      <span aria-hidden className={`h-2.5 w-2.5 shrink-0 rounded-full ${dot}`} />
      <span className="mr-auto min-w-0 truncate">
        {status.state === "reconnecting" && <span className="hidden sm:inline">Connection lost · </span>}
        {text}
        <span aria-hidden className="tabular-nums">
          {detail}
        </span>
      </span>
      {action}
    </div>
  );
}
