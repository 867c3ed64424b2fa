// The browser's draft state: a pure reducer over the server's sequenced events.
// The server numbers every session event (seq, no gaps), so the client can tell
// a duplicate (seq ≤ ours: ignore) from the next event (seq = ours + 1: apply)
// from a gap (anything larger: we lost something, re-join with last_seq).
// What an event does is the server's own board reducer (lib/draft/board.ts).
import { applyToBoard } from "@/lib/draft/board";
import type { Slot, Snapshot } from "@/lib/protocol/shapes";
import type { RoomEvent } from "./room-events";

export type ApplyResult =
  | { kind: "applied"; snapshot: Snapshot }
  | { kind: "ignored"; snapshot: Snapshot }
  | { kind: "resync"; snapshot: Snapshot; last_seq: number };

/** Apply one event to a snapshot, or say why not. Never mutates its input. */
export function applyEvent(snapshot: Snapshot, event: RoomEvent): ApplyResult {
  const { seq, session_id } = event.payload;
  if (session_id !== snapshot.session_id || seq <= snapshot.seq) return { kind: "ignored", snapshot };
  if (seq > snapshot.seq + 1) return { kind: "resync", snapshot, last_seq: snapshot.seq };
  return { kind: "applied", snapshot: reduce(snapshot, event) };
}

/**
 * Apply the `missed` list of a join ack. Items may come in any order and may
 * repeat what the snapshot already holds; a hole in them asks for a resync.
 */
export function applyMissed(snapshot: Snapshot, missed: readonly RoomEvent[]): ApplyResult {
  const sorted = [...missed].sort((a, b) => a.payload.seq - b.payload.seq);
  let current = snapshot;
  let appliedAny = false;
  for (const event of sorted) {
    const result = applyEvent(current, event);
    if (result.kind === "resync") return result;
    if (result.kind === "applied") appliedAny = true;
    current = result.snapshot;
  }
  return appliedAny ? { kind: "applied", snapshot: current } : { kind: "ignored", snapshot: current };
}

// the shared board reducer, plus what only the browser keeps: the clock and the pick on it as last announced
function reduce(snapshot: Snapshot, event: RoomEvent): Snapshot {
  const next = applyToBoard(snapshot, event);
  switch (event.type) {
    case "draft_pick":
      return { ...next, current_pick: event.payload.next_pick, clock: event.payload.clock };
    case "session_update":
      return { ...next, current_pick: event.payload.current_pick, clock: event.payload.clock };
    case "trade_executed":
      return { ...next, current_pick: currentSlotFromOrder(snapshot.current_pick, next.order) };
    default:
      return next;
  }
}

// a trade can move the pick on the clock to another team; the new order is the truth
function currentSlotFromOrder(current: Slot | null, order: readonly Slot[]): Slot | null {
  if (!current) return null;
  return order.find((slot) => slot.overall === current.overall) ?? current;
}
