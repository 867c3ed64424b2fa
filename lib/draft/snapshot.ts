import type { Snapshot } from "../protocol/shapes";
import { clockOf } from "./clock";
import { currentSlot } from "./reducer";
import { chartOf } from "./trade-rules";
import type { DraftState } from "./types";

/** The contract's Snapshot of a state at `now`. */
export function toSnapshot(state: DraftState, now: number): Snapshot {
  return {
    session_id: state.config.sessionId,
    name: state.config.name,
    pool: state.config.pool.id,
    trade_chart: chartOf(state),
    status: state.status,
    seq: state.seq,
    rounds: state.config.rounds,
    current_pick: currentSlot(state),
    clock: clockOf(state, now),
    teams: state.config.teams.map(({ team_id, name, controller }) => ({ team_id, name, controller })),
    order: state.order,
    picks: state.picks,
    trades: state.trades,
    future_picks: state.future_picks,
  };
}
