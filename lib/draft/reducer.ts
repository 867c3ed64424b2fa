// (state, event) → state. The only way state changes: a session is its initial
// configuration folded over its persisted events, so replay and recovery after
// a restart go through exactly the code the live draft used. The board's part
// is the reducer the browser uses too (board.ts).
import type { Slot } from "../protocol/shapes";
import { applyToBoard } from "./board";
import { initialFuturePicks } from "./future-picks";
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
    future_picks: initialFuturePicks(config.teams.map((team) => team.team_id)),
  };
}

const epochMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function applyEvent(state: DraftState, event: DraftEvent): DraftState {
  if (event.seq !== state.seq + 1) {
    throw new Error(`event seq ${event.seq} does not follow ${state.seq}`);
  }
  const next = applyToBoard(state, event);
  const at = Date.parse(event.at);
  switch (event.type) {
    case "draft_pick": {
      const { pick, next_pick, clock } = event.payload;
      const taken = new Set(state.takenPlayerIds);
      taken.add(pick.player.player_id);
      return {
        ...next,
        takenPlayerIds: taken,
        deadline: epochMs(clock.deadline),
        remainingMs: null,
        turnStartedAt: next_pick ? at : null,
      };
    }
    case "session_update": {
      const { status, clock, current_pick } = event.payload;
      const takenPlayerIds =
        next.picks === state.picks ? state.takenPlayerIds : new Set(next.picks.map((pick) => pick.player.player_id));
      return {
        ...next,
        takenPlayerIds,
        deadline: status === "running" ? epochMs(clock.deadline) : null,
        remainingMs: status === "paused" ? clock.remaining_ms : null,
        turnStartedAt: status === "running" && current_pick ? at : null,
      };
    }
    default:
      return next;
  }
}

export function foldEvents(state: DraftState, events: readonly DraftEvent[]): DraftState {
  return events.reduce(applyEvent, state);
}

/** The slot on the clock, or null before the start and after the last pick or completion. */
export function currentSlot(state: DraftState): Slot | null {
  if (state.status !== "running" && state.status !== "paused") return null;
  return state.order[state.picks.length] ?? null;
}
