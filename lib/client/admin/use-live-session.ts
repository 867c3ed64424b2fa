"use client";
// The admin console's live view of one session: it joins the room as a
// spectator (reads everything, can change nothing) and runs the session
// through the HTTP admin routes instead, so the key never reaches the socket
// or the page. The shared room client handles resync, last_seq and gaps.
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import type { PresenceEvent, Snapshot } from "@/lib/protocol/shapes";
import { createRealtimeConnection, type ConnectionStatus, type TimerClock } from "../realtime-connection";
import { createRoomClient } from "../room-client";

const browserClock: TimerClock = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  now: () => Date.now(),
};

export interface LiveSession {
  snapshot: Snapshot | null;
  presence: PresenceEvent | null;
  connection: ConnectionStatus;
  error: string | null;
  reconnect: () => void;
}

export function useLiveSession(sessionId: string | null): LiveSession {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [presence, setPresence] = useState<PresenceEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<ConnectionStatus>({ state: "connecting" });
  const [reconnect, setReconnect] = useState<() => void>(() => () => undefined);

  useEffect(() => {
    setSnapshot(null);
    setPresence(null);
    setError(null);
    if (!sessionId) return;
    const realtime = createRealtimeConnection({ url: window.location.origin, io, clock: browserClock, random: Math.random });
    const client = createRoomClient({ connection: realtime, session_id: sessionId });
    setConnection(realtime.status);
    setReconnect(() => () => realtime.reconnectNow());
    const offStatus = realtime.onStatus(setConnection);
    const offRoom = client.subscribe((state) => {
      setSnapshot(state.snapshot);
      setPresence(state.presence);
      setError(state.join_error?.message ?? null);
    });
    return () => {
      offStatus();
      offRoom();
      client.dispose();
      realtime.close();
    };
  }, [sessionId]);

  return { snapshot, presence, connection, error, reconnect };
}
