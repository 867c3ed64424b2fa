// A session's persisted log turned into frames for replay: frame 0 is the
// board before the first pick, then one frame per event that changes the
// board (a pick, an undone pick, an executed trade). Pure: the page fetches,
// this folds, so the "replays to the same board" promise is testable on its own.
import { applyToBoard, type Board } from "@/lib/draft/board";
import {
  logItemSchema,
  tradeExecutedEventSchema,
  type DraftPick,
  type SessionStatus,
  type Slot,
  type Trade,
} from "@/lib/protocol/shapes";
import { parseMissedItem } from "../room-events";

export type FrameCause =
  | { kind: "start" }
  | { kind: "pick"; pick: DraftPick }
  | { kind: "undo"; overall: number | null }
  | { kind: "trade"; trade: Trade };

export interface Frame {
  /** the log's seq of the event that made this frame (0 for the opening frame) */
  seq: number;
  at: string | null;
  cause: FrameCause;
  picks: DraftPick[];
  order: Slot[];
  status: SessionStatus;
  /** the next pick to be made after this frame, null when none */
  current_overall: number | null;
}

export interface LogItem {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

/** Parse the raw log items; an item that does not match the contract is left out, not guessed at. */
export function parseLog(raw: unknown[]): LogItem[] {
  return raw.flatMap((item) => {
    const parsed = logItemSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The order before any trade: trade_executed carries the order after the
 * trade, so undo the first one (its `give` picks were the proposer's, its
 * `receive` picks the other team's). Without trades the final order is the
 * order all along.
 */
export function initialOrder(finalOrder: readonly Slot[], log: readonly LogItem[]): Slot[] {
  for (const item of log) {
    if (item.type !== "trade_executed") continue;
    const parsed = tradeExecutedEventSchema.safeParse({ session_id: "", seq: item.seq, ...item.payload });
    if (!parsed.success) continue;
    const { trade, order } = parsed.data;
    const give = new Set(trade.give);
    const receive = new Set(trade.receive);
    return order.map((slot) =>
      give.has(slot.overall)
        ? { ...slot, team_id: trade.from_team_id }
        : receive.has(slot.overall)
          ? { ...slot, team_id: trade.to_team_id }
          : { ...slot },
    );
  }
  return finalOrder.map((slot) => ({ ...slot }));
}

export function buildFrames(finalOrder: readonly Slot[], log: readonly LogItem[]): Frame[] {
  const sorted = [...log].sort((a, b) => a.seq - b.seq);
  const order = initialOrder(finalOrder, sorted);
  let board: Board = { seq: 0, status: "lobby", order, picks: [], trades: [] };
  let frame: Frame = {
    seq: 0,
    at: null,
    cause: { kind: "start" },
    picks: [],
    order,
    status: "lobby",
    current_overall: order[0]?.overall ?? null,
  };
  const frames: Frame[] = [frame];
  for (const item of sorted) {
    const event = parseMissedItem(item, "");
    if (!event) continue;
    // the room's own reducer, so a replay ends on the board the room showed
    board = applyToBoard(board, event);
    const next = { seq: item.seq, at: item.at, picks: board.picks, order: board.order, status: board.status };
    if (event.type === "draft_pick") {
      const { pick, next_pick } = event.payload;
      frame = { ...frame, ...next, cause: { kind: "pick", pick }, current_overall: next_pick?.overall ?? null };
      frames.push(frame);
    } else if (event.type === "session_update") {
      const { status, reason, current_pick, undone_overall } = event.payload;
      const current_overall = current_pick?.overall ?? null;
      if (reason === "pick_undone") {
        frame = { ...frame, ...next, cause: { kind: "undo", overall: undone_overall ?? null }, current_overall };
        frames.push(frame);
      } else {
        // a status change alters no cell: it updates the frame in place rather than adding a still one
        frame = {
          ...frame,
          status,
          current_overall: status === "complete" ? null : (current_overall ?? frame.current_overall),
        };
        frames[frames.length - 1] = frame;
      }
    } else if (event.type === "trade_executed") {
      frame = { ...frame, ...next, cause: { kind: "trade", trade: event.payload.trade } };
      frames.push(frame);
    }
  }
  return frames;
}

/** The frame showing the board just after pick `overall` was (last) made; 0 is the empty board. */
export function frameIndexForPick(frames: readonly Frame[], overall: number): number {
  if (overall <= 0) return 0;
  for (let i = frames.length - 1; i >= 0; i--) {
    const cause = frames[i]!.cause;
    if (cause.kind === "pick" && cause.pick.overall === overall) return i;
  }
  // past the last pick made (a draft completed early): the end
  return frames.length - 1;
}
