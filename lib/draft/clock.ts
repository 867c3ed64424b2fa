import type { Clock } from "../protocol/shapes";
import type { DraftState } from "./types";

/** The wire clock for a state at `now`: a running timed clock counts down to its deadline. */
export function clockOf(state: Pick<DraftState, "config" | "status" | "deadline" | "remainingMs">, now: number): Clock {
  const seconds_per_pick = state.config.secondsPerPick;
  if (state.status === "running" && state.deadline !== null) {
    return {
      seconds_per_pick,
      deadline: new Date(state.deadline).toISOString(),
      remaining_ms: Math.max(0, state.deadline - now),
    };
  }
  if (state.status === "paused" && state.remainingMs !== null) {
    return { seconds_per_pick, deadline: null, remaining_ms: state.remainingMs };
  }
  return { seconds_per_pick, deadline: null, remaining_ms: null };
}

/** A fresh running clock for a slot that comes on the clock at `now` (null deadline when untimed). */
export function freshDeadline(secondsPerPick: number, now: number): number | null {
  return secondsPerPick > 0 ? now + secondsPerPick * 1000 : null;
}
