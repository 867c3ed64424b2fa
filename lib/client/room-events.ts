// Parsing what the server sends into a room, with the contract's event map
// (lib/protocol/events.ts): the same schemas the server's events are typed by.
import { z } from "zod";
import {
  joinResultSchema,
  SEQUENCED_EVENTS,
  UNSEQUENCED_EVENTS,
  type Role,
  type SequencedEventName,
} from "@/lib/protocol/events";
import {
  logItemSchema,
  type DraftPickEvent,
  type PresenceEvent,
  type SessionUpdateEvent,
  type Snapshot,
  type TradeExecutedEvent,
  type TradeProposedEvent,
  type TradeRejectedEvent,
} from "@/lib/protocol/shapes";
import type { ChatMessage } from "@/lib/protocol/chat";
import { parseChatHistory } from "./chat-log";

export { SEQUENCED_EVENT_NAMES, type Role, type SequencedEventName } from "@/lib/protocol/events";

/** A sequenced room event, tagged with the Socket.IO event name it arrived as. */
export type RoomEvent =
  | { type: "draft_pick"; payload: DraftPickEvent }
  | { type: "session_update"; payload: SessionUpdateEvent }
  | { type: "trade_proposed"; payload: TradeProposedEvent }
  | { type: "trade_executed"; payload: TradeExecutedEvent }
  | { type: "trade_rejected"; payload: TradeRejectedEvent }
  /** a sequenced event this client does not understand (the contract may add some): it only advances seq */
  | { type: "other"; payload: { session_id: string; seq: number; name: string } };

/** Parse a live event; null when it does not match its schema (it is then dropped, and a later seq gap resyncs). */
export function parseRoomEvent(name: SequencedEventName, raw: unknown): RoomEvent | null {
  const parsed = SEQUENCED_EVENTS[name].safeParse(raw);
  return parsed.success ? ({ type: name, payload: parsed.data } as RoomEvent) : null;
}

/** Parse one `missed` item of a join ack (`{ seq, type, payload, at }`). */
export function parseMissedItem(raw: unknown, session_id: string): RoomEvent | null {
  const item = logItemSchema.safeParse(raw);
  if (!item.success) return null;
  const { seq, type, payload } = item.data;
  // the payload is what was broadcast, so it normally repeats seq and session_id; fill them in if not
  const full = { session_id, ...payload, seq };
  if (type in SEQUENCED_EVENTS) return parseRoomEvent(type as SequencedEventName, full);
  return { type: "other", payload: { session_id, seq, name: type } };
}

export function parsePresence(raw: unknown): PresenceEvent | null {
  const parsed = UNSEQUENCED_EVENTS.presence.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A successful join's ack; `missed` items are checked one by one, so one odd item does not sink the join. */
const joinAckSchema = joinResultSchema.extend({
  ok: z.literal(true),
  missed: z.array(z.unknown()).optional(),
  chat: z.unknown().optional(),
});

export interface JoinResult {
  role: Role;
  team_id?: string;
  snapshot: Snapshot;
  missed: RoomEvent[];
  queue?: string[];
  /** the room's latest chat messages, oldest first */
  chat: ChatMessage[];
}

/** Parse a successful join ack; null when it does not match the contract. */
export function parseJoinAck(raw: unknown): JoinResult | null {
  const parsed = joinAckSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { role, team_id, snapshot, missed = [], queue, chat } = parsed.data;
  const events = missed
    .map((item) => parseMissedItem(item, snapshot.session_id))
    .filter((e): e is RoomEvent => e !== null);
  return {
    role,
    ...(team_id ? { team_id } : {}),
    snapshot,
    missed: events,
    ...(queue ? { queue } : {}),
    chat: parseChatHistory(chat),
  };
}
