// The browser's draft state: a pure reducer over the server's sequenced events.
// The server numbers every session event (seq, no gaps), so the client can tell
// a duplicate (seq ≤ ours: ignore) from the next event (seq = ours + 1: apply)
// from a gap (anything larger: we lost something, re-join with last_seq).
import type { Pick, Slot, Snapshot, Trade } from "@/lib/protocol/shapes";
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

function reduce(snapshot: Snapshot, event: RoomEvent): Snapshot {
  const seq = event.payload.seq;
  switch (event.type) {
    case "draft_pick": {
      const { pick, next_pick, clock } = event.payload;
      // status stays: after the last pick the server follows with session_update "completed"
      return { ...snapshot, seq, picks: upsertPick(snapshot.picks, pick), current_pick: next_pick, clock };
    }
    case "session_update": {
      const { status, reason, current_pick, clock, undone_overall } = event.payload;
      const picks =
        reason === "pick_undone" ? removeUndone(snapshot.picks, undone_overall, current_pick) : snapshot.picks;
      return { ...snapshot, seq, status, current_pick, clock, picks };
    }
    case "trade_proposed":
    case "trade_rejected":
      return { ...snapshot, seq, trades: upsertTrade(snapshot.trades, event.payload.trade) };
    case "trade_executed": {
      const { trade, order } = event.payload;
      return {
        ...snapshot,
        seq,
        trades: upsertTrade(snapshot.trades, trade),
        order,
        current_pick: currentSlotFromOrder(snapshot.current_pick, order),
      };
    }
    case "other":
      return { ...snapshot, seq };
  }
}

/** A board's picks with this one made (or made again after an undo), in pick order. */
export function upsertPick(picks: readonly Pick[], pick: Pick): Pick[] {
  return [...picks.filter((p) => p.overall !== pick.overall), pick].sort((a, b) => a.overall - b.overall);
}

/** A board's picks after an undo. */
export function removeUndone(picks: readonly Pick[], undone: number | undefined, current: Slot | null): Pick[] {
  if (undone !== undefined) return picks.filter((p) => p.overall !== undone);
  // an older server without undone_overall: the pick now on the clock can no longer be made
  return current ? picks.filter((p) => p.overall < current.overall) : [...picks];
}

function upsertTrade(trades: readonly Trade[], trade: Trade): Trade[] {
  const index = trades.findIndex((t) => t.trade_id === trade.trade_id);
  if (index === -1) return [...trades, trade];
  return trades.map((t, i) => (i === index ? trade : t));
}

// a trade can move the pick on the clock to another team; the new order is the truth
function currentSlotFromOrder(current: Slot | null, order: readonly Slot[]): Slot | null {
  if (!current) return null;
  return order.find((slot) => slot.overall === current.overall) ?? current;
}

/** Players taken so far, for removing them from the available list. */
export function pickedPlayerIds(snapshot: Snapshot): Set<string> {
  return new Set(snapshot.picks.map((p) => p.player.player_id));
}
