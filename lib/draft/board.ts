// What a session event does to the board: the one reducer over session events.
// The server's engine (reducer.ts), the browser's room (lib/client/draft-state.ts)
// and the replay (lib/client/replay/replay-timeline.ts) all fold events with it,
// each keeping beside the board only what it alone needs (the server its clock
// in epoch ms, the browser the clock and pick on the clock as last announced).
import type {
  DraftPickEvent,
  DraftPick,
  SessionStatus,
  SessionUpdateEvent,
  Slot,
  FuturePickOwner,
  Trade,
  TradeExecutedEvent,
  TradeProposedEvent,
  TradeRejectedEvent,
} from "../protocol/shapes";
import { withFutureTraded } from "./future-picks";

/** The part of a session every event changes, in the wire's names. */
export interface Board {
  /** seq of the last applied event; 0 before any */
  seq: number;
  status: SessionStatus;
  /** the session's order; index i is overall i + 1 */
  order: Slot[];
  /** picks made, in overall order */
  picks: DraftPick[];
  /** every trade proposed, in the order proposed, with its latest status */
  trades: Trade[];
  /** who owns each club's picks of the next two drafts (v2); a board without them (an older server's) keeps none */
  future_picks?: FuturePickOwner[];
}

/** A sequenced event as a room receives it: its name and its payload (which carries its seq). */
export type BoardEvent =
  | { type: "draft_pick"; payload: DraftPickEvent }
  | { type: "session_update"; payload: SessionUpdateEvent }
  | { type: "trade_proposed"; payload: TradeProposedEvent }
  | { type: "trade_executed"; payload: TradeExecutedEvent }
  | { type: "trade_rejected"; payload: TradeRejectedEvent }
  /** a sequenced event this reader does not understand (the contract may add some): it only advances seq */
  | { type: "other"; payload: { seq: number } };

/** The board after one event. Pure: never mutates its input; keeps whatever else `board` carries. */
export function applyToBoard<B extends Board>(board: B, event: BoardEvent): B {
  const seq = event.payload.seq;
  switch (event.type) {
    case "draft_pick":
      // status stays: after the last pick the server follows with session_update "completed"
      return { ...board, seq, picks: withPick(board.picks, event.payload.pick) };
    case "session_update": {
      const { status, reason, current_pick, undone_overall } = event.payload;
      const picks = reason === "pick_undone" ? withoutUndone(board.picks, undone_overall, current_pick) : board.picks;
      return { ...board, seq, status, picks };
    }
    case "trade_proposed":
    case "trade_rejected":
      return { ...board, seq, trades: withTrade(board.trades, event.payload.trade) };
    case "trade_executed": {
      // the clock keeps running for the pick on it, whoever owns it now
      const { trade, order } = event.payload;
      const traded = { ...board, seq, trades: withTrade(board.trades, trade), order };
      return board.future_picks ? { ...traded, future_picks: withFutureTraded(board.future_picks, trade) } : traded;
    }
    case "other":
      return { ...board, seq };
  }
}

/** Picks with this one made (or made again after an undo), in pick order. */
export function withPick(picks: readonly DraftPick[], pick: DraftPick): DraftPick[] {
  const last = picks[picks.length - 1];
  // the usual case, the next pick in order, without a sort
  if (!last || last.overall < pick.overall) return [...picks, pick];
  return [...picks.filter((p) => p.overall !== pick.overall), pick].sort((a, b) => a.overall - b.overall);
}

/** Picks after an undo. */
export function withoutUndone(
  picks: readonly DraftPick[],
  undone: number | undefined,
  current: Slot | null,
): DraftPick[] {
  if (undone !== undefined) return picks.filter((p) => p.overall !== undone);
  // an older server without undone_overall: the pick now on the clock can no longer be made
  return current ? picks.filter((p) => p.overall < current.overall) : [...picks];
}

/** The trade list with this trade added, or replaced by its newer status. */
function withTrade(trades: readonly Trade[], trade: Trade): Trade[] {
  const index = trades.findIndex((t) => t.trade_id === trade.trade_id);
  if (index === -1) return [...trades, trade];
  return trades.map((t, i) => (i === index ? trade : t));
}
