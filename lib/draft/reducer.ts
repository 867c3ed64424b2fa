// (state, event) → state. The only way state changes: a session is its initial
// configuration folded over its persisted events, so replay and recovery after
// a restart go through exactly the code the live draft used.
import type { Slot, Trade } from "../protocol/shapes";
import { buildOrder } from "./order";
import type { DraftConfig, DraftEvent, DraftState } from "./types";

export function initialState(config: DraftConfig): DraftState {
  return {
    config,
    status: "lobby",
    seq: 0,
    order: buildOrder(config.pool, config.rounds),
    picks: [],
    takenPlayerIds: new Set(),
    deadline: null,
    remainingMs: null,
    turnStartedAt: null,
    queues: {},
    trades: [],
  };
}

const epochMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function applyEvent(state: DraftState, event: DraftEvent): DraftState {
  if (event.seq !== state.seq + 1) {
    throw new Error(`event seq ${event.seq} does not follow ${state.seq}`);
  }
  const at = Date.parse(event.at);
  switch (event.type) {
    case "draft_pick": {
      const { pick, next_pick, clock } = event.payload;
      const taken = new Set(state.takenPlayerIds);
      taken.add(pick.player.player_id);
      return {
        ...state,
        seq: event.seq,
        picks: [...state.picks, pick],
        takenPlayerIds: taken,
        deadline: epochMs(clock.deadline),
        remainingMs: null,
        turnStartedAt: next_pick ? at : null,
      };
    }
    case "session_update": {
      const { status, reason, clock, current_pick, undone_overall } = event.payload;
      let { picks, takenPlayerIds } = state;
      if (reason === "pick_undone" && undone_overall !== undefined) {
        const undone = picks.find((pick) => pick.overall === undone_overall);
        picks = picks.filter((pick) => pick.overall !== undone_overall);
        const taken = new Set(takenPlayerIds);
        if (undone) taken.delete(undone.player.player_id);
        takenPlayerIds = taken;
      }
      return {
        ...state,
        seq: event.seq,
        status,
        picks,
        takenPlayerIds,
        deadline: status === "running" ? epochMs(clock.deadline) : null,
        remainingMs: status === "paused" ? clock.remaining_ms : null,
        turnStartedAt: status === "running" && current_pick ? at : null,
      };
    }
    case "trade_proposed":
    case "trade_rejected":
      return { ...state, seq: event.seq, trades: withTrade(state.trades, event.payload.trade) };
    case "trade_executed":
      // the clock keeps running for the pick on it, whoever owns it now
      return {
        ...state,
        seq: event.seq,
        trades: withTrade(state.trades, event.payload.trade),
        order: event.payload.order,
      };
  }
}

/** The trade list with this trade added, or replaced by its newer status. */
function withTrade(trades: Trade[], trade: Trade): Trade[] {
  const index = trades.findIndex((t) => t.trade_id === trade.trade_id);
  if (index === -1) return [...trades, trade];
  return trades.map((t, i) => (i === index ? trade : t));
}

export function foldEvents(state: DraftState, events: readonly DraftEvent[]): DraftState {
  return events.reduce(applyEvent, state);
}

/** The slot on the clock, or null before the start and after the last pick or completion. */
export function currentSlot(state: DraftState): Slot | null {
  if (state.status !== "running" && state.status !== "paused") return null;
  return state.order[state.picks.length] ?? null;
}
