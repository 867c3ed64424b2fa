"use client";
// React glue: one realtime connection and one room client per mounted room.
import { useEffect, useMemo, useRef, useState } from "react";
import { io } from "socket.io-client";
import type { AckOutcome } from "./emit-ack";
import {
  createRealtimeConnection,
  type ConnectionStatus,
  type RealtimeConnection,
  type TimerClock,
  type WakeSource,
} from "./realtime-connection";
import type { ChatMessage } from "@/lib/protocol/chat";
import type { Snapshot } from "@/lib/protocol/shapes";
import { createRoomClient, INITIAL_ROOM_STATE, type RoomClient, type RoomState, type TradeOffer } from "./room-client";

const browserClock: TimerClock = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  now: () => Date.now(),
};

/** The browser is back online, or the tab is visible again: a good moment to try at once. */
const browserWake: WakeSource = (listener) => {
  const onVisible = () => {
    if (document.visibilityState === "visible") listener();
  };
  window.addEventListener("online", listener);
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    window.removeEventListener("online", listener);
    document.removeEventListener("visibilitychange", onVisible);
  };
};

// Behind a load balancer without sticky sessions, build with NEXT_PUBLIC_SOCKET_TRANSPORTS=websocket (PROTOCOL.md).
const transports = process.env.NEXT_PUBLIC_SOCKET_TRANSPORTS?.split(",").map((t) => t.trim()) as
  ("polling" | "websocket")[] | undefined;

const NOT_READY: AckOutcome = { ok: false, error: { code: "disconnected", message: "Not connected to the server." } };

/** `enabled` is false until the caller knows which token to join with. */
export function useDraftRoom(sessionId: string, token: string | undefined, enabled: boolean) {
  const [room, setRoom] = useState<RoomState>(INITIAL_ROOM_STATE);
  const [status, setStatus] = useState<ConnectionStatus>({ state: "connecting" });
  const live = useRef<{ connection: RealtimeConnection; client: RoomClient } | null>(null);
  /** the last board shown, carried across a change of seat so the room does not blank out (and reset its tabs) */
  const lastSnapshot = useRef<Snapshot | null>(null);
  const lastChat = useRef<ChatMessage[]>([]);

  useEffect(() => {
    if (!enabled) return;
    const connection = createRealtimeConnection({
      url: window.location.origin,
      io,
      clock: browserClock,
      random: Math.random,
      wake: browserWake,
      ...(transports?.length ? { transports } : {}),
    });
    const client = createRoomClient({ connection, session_id: sessionId, ...(token ? { token } : {}) });
    live.current = { connection, client };
    // switching seats in the same session joins again: until that answers, keep showing the board we had
    const carried = lastSnapshot.current?.session_id === sessionId ? lastSnapshot.current : null;
    const carriedChat = carried ? lastChat.current : [];
    const show = (state: RoomState) => {
      if (state.snapshot) {
        lastSnapshot.current = state.snapshot;
        lastChat.current = state.chat;
      }
      setRoom(
        state.snapshot === null && !state.join_error && carried
          ? { ...state, snapshot: carried, chat: carriedChat }
          : state,
      );
    };
    setStatus(connection.status);
    show(client.getState());
    const offStatus = connection.onStatus(setStatus);
    const offRoom = client.subscribe(show);
    return () => {
      offStatus();
      offRoom();
      client.dispose();
      connection.close();
      live.current = null;
    };
  }, [sessionId, token, enabled]);

  const actions = useMemo(
    () => ({
      makePick: (playerId: string) => live.current?.client.makePick(playerId) ?? Promise.resolve(NOT_READY),
      setQueue: (playerIds: string[]) => live.current?.client.setQueue(playerIds) ?? Promise.resolve(NOT_READY),
      proposeTrade: (to: string, terms: TradeOffer) =>
        live.current?.client.proposeTrade(to, terms) ?? Promise.resolve(NOT_READY),
      shopPick: () => live.current?.client.shopPick() ?? Promise.resolve(NOT_READY),
      respondTrade: (tradeId: string, accept: boolean) =>
        live.current?.client.respondTrade(tradeId, accept) ?? Promise.resolve(NOT_READY),
      sendChat: (text: string) => live.current?.client.sendChat(text) ?? Promise.resolve(NOT_READY),
      reconnectNow: () => live.current?.connection.reconnectNow(),
      rejoin: () => live.current?.client.rejoin(),
    }),
    [],
  );

  return { room, status, ...actions };
}
