// (state, command, now) → events | rejection. One guard at a time, returning
// early with a typed reason; every accepted command becomes events that the
// reducer applies, so the caller persists exactly what changed the state.
import type { SessionStatus } from "../protocol/shapes";
import { chooseAutopick } from "./autopick";
import { chooseCpuPick } from "./cpu-strategy";
import { reject, type Decision } from "./errors";
import { CommandEvents, type Outcome } from "./command-events";
import { currentSlot } from "./reducer";
import { shopOffers } from "./cpu-trades";
import { counterOffer } from "./trade-packages";
import { cpuAccepts, packageProblem, termsProblem, valuedTrade } from "./trade-rules";
import type { DraftCommand, DraftState } from "./types";

export type { Outcome } from "./command-events";

/** Consecutive picks one tick may make; the caller ticks again for the rest. */
export const TICK_BATCH_LIMIT = 12;

const describeStatus: Record<SessionStatus, string> = {
  lobby: "the draft has not started",
  running: "the draft is running",
  paused: "the draft is paused",
  complete: "the draft is complete",
};

export function decide(state: DraftState, command: DraftCommand, now: number): Decision<Outcome> {
  const events = new CommandEvents(state, now);
  const slot = currentSlot(state);
  switch (command.type) {
    case "start":
      if (state.status !== "lobby") return reject("invalid_state", `cannot start: ${describeStatus[state.status]}`);
      events.update("running", "started", state.order[0] ?? null);
      return events.outcome();

    case "pause":
      if (state.status !== "running") return reject("invalid_state", `cannot pause: ${describeStatus[state.status]}`);
      events.update("paused", "paused", slot, {
        remainingMs: state.deadline === null ? null : Math.max(0, state.deadline - now),
      });
      return events.outcome();

    case "resume":
      if (state.status !== "paused") return reject("invalid_state", `cannot resume: ${describeStatus[state.status]}`);
      // a paused clock keeps what was left of it, not a fresh one
      events.update("running", "resumed", slot, {
        deadline: state.remainingMs === null ? undefined : now + state.remainingMs,
      });
      return events.outcome();

    case "undo_last_pick": {
      if (state.status !== "running" && state.status !== "paused")
        return reject("invalid_state", `cannot undo: ${describeStatus[state.status]}`);
      const last = state.picks.at(-1);
      if (!last) return reject("conflict", "there is no pick to undo");
      const slotBack = state.order[last.overall - 1] ?? null;
      const fullClock = state.config.secondsPerPick > 0 ? state.config.secondsPerPick * 1000 : null;
      events.update(state.status, "pick_undone", slotBack, { remainingMs: fullClock, undoneOverall: last.overall });
      return events.outcome();
    }

    case "force_autopick": {
      if (state.status !== "running")
        return reject("invalid_state", `cannot autopick: ${describeStatus[state.status]}`);
      if (!slot) return reject("conflict", "no pick is on the clock");
      const player = chooseAutopick(state, slot.team_id);
      if (!player) return reject("conflict", "no player is available");
      events.pick(slot, player, true);
      return events.outcome();
    }

    case "complete":
      if (state.status === "complete")
        return reject("invalid_state", `cannot complete: ${describeStatus[state.status]}`);
      events.update("complete", "completed", null);
      return events.outcome();

    case "autopick_rest": {
      if (state.status !== "running" && state.status !== "paused")
        return reject("invalid_state", `cannot autopick the rest: ${describeStatus[state.status]}`);
      // every unmade pick, in order, as the clock would make it: CPU seats by their board, human seats from their
      // queue, else as their CPU GM would; the last pick completes the draft
      for (let next = slot; next; next = currentSlot(events.state)) {
        const cpu = isCpu(events.state, next.team_id);
        const player = cpu ? chooseCpuPick(events.state, next.team_id) : chooseAutopick(events.state, next.team_id);
        if (!player) break;
        events.pick(next, player, !cpu, { offerTrades: false });
      }
      // the board ran out of players first: the slots left stay empty
      if (events.state.status !== "complete") events.update("complete", "completed", null);
      return events.outcome();
    }

    case "make_pick": {
      if (command.actor.kind === "team" && command.actor.teamId !== command.teamId) {
        return reject("forbidden", `your seat is ${command.actor.teamId}, not ${command.teamId}`);
      }
      if (state.status !== "running") return reject("invalid_state", `cannot pick: ${describeStatus[state.status]}`);
      if (!slot) return reject("conflict", "no pick is on the clock");
      if (command.expectedOverall !== undefined && command.expectedOverall !== slot.overall) {
        return reject(
          "conflict",
          `pick ${command.expectedOverall} is no longer on the clock (pick ${slot.overall} is)`,
        );
      }
      if (command.teamId !== slot.team_id)
        return reject("conflict", `${command.teamId} is not on the clock (${slot.team_id} is)`);
      const player = state.config.pool.playersById.get(command.playerId);
      if (!player) return reject("not_found", `no player ${command.playerId} in this pool`);
      if (state.takenPlayerIds.has(player.player_id))
        return reject("conflict", `${player.name} has already been picked`);
      events.pick(slot, player, false);
      return events.outcome();
    }

    case "tick":
      runDueWork(events, now);
      return events.outcome();

    case "propose_trade":
      return proposeTrade(events, command);

    case "respond_trade":
      return respondTrade(events, command);

    case "shop_pick":
      return shopPick(events, command);
  }
}

/** The team on the clock asks the room: up to three CPU clubs' packages arrive as pending offers it can accept. */
function shopPick(events: CommandEvents, command: Extract<DraftCommand, { type: "shop_pick" }>): Decision<Outcome> {
  const { state } = events;
  const { actor, teamId } = command;
  if (actor.kind === "team" && actor.teamId !== teamId)
    return reject("forbidden", `your seat is ${actor.teamId}, not ${teamId}`);
  if (state.status !== "running") return reject("invalid_state", `cannot shop a pick: ${describeStatus[state.status]}`);
  const slot = currentSlot(state);
  if (!slot) return reject("conflict", "no pick is on the clock");
  if (slot.team_id !== teamId) return reject("conflict", `${teamId} is not on the clock (${slot.team_id} is)`);
  for (const offer of shopOffers(state, slot)) events.tradeProposed(offer);
  return events.outcome();
}

function proposeTrade(
  events: CommandEvents,
  command: Extract<DraftCommand, { type: "propose_trade" }>,
): Decision<Outcome> {
  const { state } = events;
  const { actor, fromTeamId, toTeamId, give, receive } = command;
  const giveFuture = command.giveFuture ?? [];
  const receiveFuture = command.receiveFuture ?? [];
  if (actor.kind === "team" && actor.teamId !== fromTeamId)
    return reject("forbidden", `your seat is ${actor.teamId}, not ${fromTeamId}`);
  if (state.status === "complete") return reject("invalid_state", "cannot trade: the draft is complete");
  if (fromTeamId === toTeamId) return reject("invalid_payload", "a team cannot trade with itself");
  for (const teamId of [fromTeamId, toTeamId]) {
    if (!state.config.teams.some((team) => team.team_id === teamId))
      return reject("not_found", `no team ${teamId} in this session`);
  }
  const problem =
    termsProblem({ give, receive, give_future: giveFuture, receive_future: receiveFuture }) ??
    packageProblem(state, fromTeamId, give, giveFuture) ??
    packageProblem(state, toTeamId, receive, receiveFuture);
  if (problem) return problem;
  if (state.trades.some((t) => t.trade_id === command.tradeId))
    return reject("conflict", "a trade with this id exists");
  const trade = valuedTrade(state, {
    trade_id: command.tradeId,
    from_team_id: fromTeamId,
    to_team_id: toTeamId,
    give,
    receive,
    give_future: giveFuture,
    receive_future: receiveFuture,
  });
  // a commissioner's trade needs nobody's consent
  if (actor.kind === "admin") {
    events.tradeExecuted(trade);
    return events.outcome();
  }
  events.tradeProposed(trade);
  if (isCpu(state, toTeamId)) {
    // a CPU GM answers at once, by chart value; a no names what it would take, where something would do
    if (cpuAccepts(state, trade)) events.tradeExecuted(trade);
    else events.tradeRejected(trade, "below_value", counterOffer(state, trade));
  }
  return events.outcome();
}

function respondTrade(
  events: CommandEvents,
  command: Extract<DraftCommand, { type: "respond_trade" }>,
): Decision<Outcome> {
  const { state } = events;
  const trade = state.trades.find((t) => t.trade_id === command.tradeId);
  if (!trade) return reject("not_found", "no such trade in this session");
  const { actor } = command;
  const isReceiver = actor.kind === "admin" || actor.teamId === trade.to_team_id;
  const isProposer = actor.kind === "team" && actor.teamId === trade.from_team_id;
  // the receiving seat answers; the proposer may only withdraw
  if (!isReceiver && !(isProposer && !command.accept))
    return reject("forbidden", "only the team this offer was made to can accept it");
  if (trade.status !== "pending") return reject("conflict", `this trade was already ${trade.status}`);
  if (command.accept) events.tradeExecuted(trade);
  else events.tradeRejected(trade, isProposer ? "withdrawn" : "declined");
  return events.outcome();
}

/** CPU seats whose delay has passed pick; an expired clock autopicks. Stops at the first thing not yet due. */
function runDueWork(events: CommandEvents, now: number): void {
  for (let made = 0; made < TICK_BATCH_LIMIT; made++) {
    const state = events.state;
    const slot = currentSlot(state);
    if (state.status !== "running" || !slot) return;
    const due = dueAt(state);
    if (due === null || due > now) return;
    const cpu = isCpu(state, slot.team_id);
    const player = cpu ? chooseCpuPick(state, slot.team_id) : chooseAutopick(state, slot.team_id);
    if (!player) {
      events.update("complete", "completed", null);
      return;
    }
    events.pick(slot, player, !cpu);
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
