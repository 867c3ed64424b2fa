"use client";
// The admin console's live view of one session: it joins the room as a
// spectator (reads everything, can change nothing) and runs the session
// through the HTTP admin routes instead, so the key never reaches the socket
// or the page. The room's own hook handles the connection, resync and gaps.
import type { ChatMessage } from "@/lib/protocol/chat";
import type { PresenceEvent, Snapshot } from "@/lib/protocol/shapes";
import type { ConnectionStatus } from "../realtime-connection";
import { useDraftRoom } from "../use-draft-room";

export interface LiveSession {
  snapshot: Snapshot | null;
  presence: PresenceEvent | null;
  /** the room's chat, as the room shows it */
  chat: ChatMessage[];
  connection: ConnectionStatus;
  error: string | null;
  reconnect: () => void;
}

export function useLiveSession(sessionId: string): LiveSession {
  const { room, status, reconnectNow } = useDraftRoom(sessionId, undefined, true);
  return {
    snapshot: room.snapshot,
    presence: room.presence,
    chat: room.chat,
    connection: status,
    error: room.join_error?.message ?? null,
    reconnect: reconnectNow,
  };
}
