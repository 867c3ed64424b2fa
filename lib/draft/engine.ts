// (state, command, now) → events | rejection. One guard at a time, returning
// early with a typed reason; every accepted command becomes events that the
// reducer applies, so the caller persists exactly what changed the state.
import type { Pick, SessionStatus, Slot, UpdateReason } from "../protocol/shapes";
import { chooseAutopick, chooseCpuPick } from "./autopick";
import { clockOf, freshDeadline } from "./clock";
import { accept, reject, type Decision } from "./errors";
import { applyEvent, currentSlot } from "./reducer";
import type { DraftCommand, DraftEvent, DraftState, PoolPlayer } from "./types";

export interface Outcome {
  events: DraftEvent[];
  state: DraftState;
}

/** Consecutive picks one tick may make; the caller ticks again for the rest. */
export const TICK_BATCH_LIMIT = 32;

/** Collects events, applying each at once so the next one is built on the state it leaves. */
class EventLog {
  readonly events: DraftEvent[] = [];
  constructor(
    public state: DraftState,
    private readonly now: number,
  ) {}

  private append(event: DraftEvent): void {
    this.state = applyEvent(this.state, event);
    this.events.push(event);
  }

  pick(slot: Slot, player: PoolPlayer, auto: boolean): void {
    const { state, now } = this;
    const at = new Date(now).toISOString();
    const pick: Pick = {
      overall: slot.overall,
      round: slot.round,
      pick_in_round: slot.pick_in_round,
      team_id: slot.team_id,
      player: { player_id: player.player_id, name: player.name, position: player.position, rank: player.rank, ...(player.college ? { college: player.college } : {}) },
      auto,
      made_at: at,
    };
    const next = state.order[slot.overall] ?? null;
    const deadline = next ? freshDeadline(state.config.secondsPerPick, now) : null;
    const clock = clockOf({ ...state, deadline, remainingMs: null }, now);
    const seq = state.seq + 1;
    this.append({ seq, type: "draft_pick", at, payload: { session_id: state.config.sessionId, seq, pick, next_pick: next, clock } });
    if (!next) this.update("complete", "completed", null);
  }

  update(
    status: SessionStatus,
    reason: UpdateReason,
    current: Slot | null,
    extra: { deadline?: number; remainingMs?: number | null; undoneOverall?: number } = {},
  ): void {
    const { state, now } = this;
    const running = status === "running" && current !== null;
    const deadline = running ? (extra.deadline ?? freshDeadline(state.config.secondsPerPick, now)) : null;
    const remainingMs = status === "paused" ? (extra.remainingMs ?? null) : null;
    const clock = clockOf({ config: state.config, status, deadline, remainingMs }, now);
    const seq = state.seq + 1;
    const payload = {
      session_id: state.config.sessionId,
      seq,
      status,
      reason,
      current_pick: current,
      clock,
      ...(extra.undoneOverall !== undefined ? { undone_overall: extra.undoneOverall } : {}),
    };
    this.append({ seq, type: "session_update", at: new Date(now).toISOString(), payload });
  }

  outcome(): Decision<Outcome> {
    return accept({ events: this.events, state: this.state });
  }
}

const describeStatus: Record<SessionStatus, string> = {
  lobby: "the draft has not started",
  running: "the draft is running",
  paused: "the draft is paused",
  complete: "the draft is complete",
};

export function decide(state: DraftState, command: DraftCommand, now: number): Decision<Outcome> {
  const log = new EventLog(state, now);
  const slot = currentSlot(state);
  switch (command.type) {
    case "start":
      if (state.status !== "lobby") return reject("invalid_state", `cannot start: ${describeStatus[state.status]}`);
      log.update("running", "started", state.order[0] ?? null);
      return log.outcome();

    case "pause":
      if (state.status !== "running") return reject("invalid_state", `cannot pause: ${describeStatus[state.status]}`);
      log.update("paused", "paused", slot, { remainingMs: state.deadline === null ? null : Math.max(0, state.deadline - now) });
      return log.outcome();

    case "resume":
      if (state.status !== "paused") return reject("invalid_state", `cannot resume: ${describeStatus[state.status]}`);
      // a paused clock keeps what was left of it, not a fresh one
      log.update("running", "resumed", slot, { deadline: state.remainingMs === null ? undefined : now + state.remainingMs });
      return log.outcome();

    case "undo_last_pick": {
      if (state.status !== "running" && state.status !== "paused") return reject("invalid_state", `cannot undo: ${describeStatus[state.status]}`);
      const last = state.picks.at(-1);
      if (!last) return reject("conflict", "there is no pick to undo");
      const slotBack = state.order[last.overall - 1] ?? null;
      const fullClock = state.config.secondsPerPick > 0 ? state.config.secondsPerPick * 1000 : null;
      log.update(state.status, "pick_undone", slotBack, { remainingMs: fullClock, undoneOverall: last.overall });
      return log.outcome();
    }

    case "force_autopick": {
      if (state.status !== "running") return reject("invalid_state", `cannot autopick: ${describeStatus[state.status]}`);
      if (!slot) return reject("conflict", "no pick is on the clock");
      const player = chooseAutopick(state, slot.team_id);
      if (!player) return reject("conflict", "no player is available");
      log.pick(slot, player, true);
      return log.outcome();
    }

    case "complete":
      if (state.status === "complete") return reject("invalid_state", `cannot complete: ${describeStatus[state.status]}`);
      log.update("complete", "completed", null);
      return log.outcome();

    case "make_pick": {
      if (command.actor.kind === "team" && command.actor.teamId !== command.teamId) {
        return reject("forbidden", `your seat is ${command.actor.teamId}, not ${command.teamId}`);
      }
      if (state.status !== "running") return reject("invalid_state", `cannot pick: ${describeStatus[state.status]}`);
      if (!slot) return reject("conflict", "no pick is on the clock");
      if (command.expectedOverall !== undefined && command.expectedOverall !== slot.overall) {
        return reject("conflict", `pick ${command.expectedOverall} is no longer on the clock (pick ${slot.overall} is)`);
      }
      if (command.teamId !== slot.team_id) return reject("conflict", `${command.teamId} is not on the clock (${slot.team_id} is)`);
      const player = state.config.pool.playersById.get(command.playerId);
      if (!player) return reject("not_found", `no player ${command.playerId} in this pool`);
      if (state.takenPlayerIds.has(player.player_id)) return reject("conflict", `${player.name} has already been picked`);
      log.pick(slot, player, false);
      return log.outcome();
    }

    case "tick":
      runDueWork(log, now);
      return log.outcome();
  }
}

/** CPU seats whose delay has passed pick; an expired clock autopicks. Stops at the first thing not yet due. */
function runDueWork(log: EventLog, now: number): void {
  for (let made = 0; made < TICK_BATCH_LIMIT; made++) {
    const state = log.state;
    const slot = currentSlot(state);
    if (state.status !== "running" || !slot) return;
    const due = dueAt(state);
    if (due === null || due > now) return;
    const cpu = isCpu(state, slot.team_id);
    const player = cpu ? chooseCpuPick(state, slot.team_id) : chooseAutopick(state, slot.team_id);
    if (!player) {
      log.update("complete", "completed", null);
      return;
    }
    log.pick(slot, player, !cpu);
  }
}

function isCpu(state: DraftState, teamId: string): boolean {
  return state.config.teams.find((team) => team.team_id === teamId)?.controller === "cpu";
}

/** When the clock next has work for this session: a CPU seat's pick or a deadline; null when nothing is scheduled. */
export function dueAt(state: DraftState): number | null {
  const slot = currentSlot(state);
  if (state.status !== "running" || !slot) return null;
  if (isCpu(state, slot.team_id) && state.turnStartedAt !== null) {
    const cpuDue = state.turnStartedAt + state.config.cpuDelayMs;
    return state.deadline === null ? cpuDue : Math.min(cpuDue, state.deadline);
  }
  return state.deadline;
}
