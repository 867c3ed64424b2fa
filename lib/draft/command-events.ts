// Builds a command's events one at a time, applying each as it is made, so
// every event is built on the state the previous one left.
import type {
  DraftPick,
  SessionStatus,
  Slot,
  Trade,
  TradeCloseReason,
  TradeTerms,
  UpdateReason,
} from "../protocol/shapes";
import { clockOf, freshDeadline } from "./clock";
import { cpuTradeUpOffer } from "./cpu-offers";
import { cpuMoveUp } from "./cpu-trades";
import { accept, type Decision } from "./errors";
import { applyEvent } from "./reducer";
import { staleTrades, tradedOrder } from "./trade-rules";
import type { DraftEvent, DraftState, PoolPlayer } from "./types";

export interface Outcome {
  events: DraftEvent[];
  state: DraftState;
}

export class CommandEvents {
  readonly events: DraftEvent[] = [];
  constructor(
    public state: DraftState,
    private readonly now: number,
  ) {}

  private get at(): string {
    return new Date(this.now).toISOString();
  }

  private append(event: DraftEvent): void {
    this.state = applyEvent(this.state, event);
    this.events.push(event);
  }

  /** `offerTrades: false` when the next slot's turn will not really come (the rest of the draft made at once) */
  pick(slot: Slot, player: PoolPlayer, auto: boolean, { offerTrades = true } = {}): void {
    const { state, now, at } = this;
    const pick: DraftPick = {
      overall: slot.overall,
      round: slot.round,
      pick_in_round: slot.pick_in_round,
      team_id: slot.team_id,
      player: {
        player_id: player.player_id,
        name: player.name,
        position: player.position,
        rank: player.rank,
        ...(player.college ? { college: player.college } : {}),
      },
      auto,
      made_at: at,
    };
    const next = state.order[slot.overall] ?? null;
    const deadline = next ? freshDeadline(state.config.secondsPerPick, now) : null;
    const clock = clockOf({ ...state, deadline, remainingMs: null }, now);
    const seq = state.seq + 1;
    this.append({
      seq,
      type: "draft_pick",
      at,
      payload: { session_id: state.config.sessionId, seq, pick, next_pick: next, clock },
    });
    this.rejectStaleTrades();
    if (!next) this.update("complete", "completed", null);
    else if (offerTrades) this.offerTradeUp(next);
  }

  /** A slot just came on the clock: a CPU club may move up into a CPU seat's pick, or call a human seat about its pick. */
  private offerTradeUp(slot: Slot): void {
    const move = cpuMoveUp(this.state, slot);
    if (move) this.tradeExecuted(move);
    const offer = cpuTradeUpOffer(this.state, slot);
    if (offer) this.tradeProposed(offer);
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
    this.append({ seq, type: "session_update", at: this.at, payload });
    if (status === "complete") this.rejectStaleTrades();
    if (reason === "started" && current) this.offerTradeUp(current);
  }

  tradeProposed(trade: Trade): void {
    const seq = this.state.seq + 1;
    this.append({
      seq,
      type: "trade_proposed",
      at: this.at,
      payload: { session_id: this.state.config.sessionId, seq, trade },
    });
  }

  tradeExecuted(trade: Trade): void {
    const seq = this.state.seq + 1;
    const executed: Trade = { ...trade, status: "executed" };
    const order = tradedOrder(this.state.order, executed);
    this.append({
      seq,
      type: "trade_executed",
      at: this.at,
      payload: { session_id: this.state.config.sessionId, seq, trade: executed, order },
    });
    this.rejectStaleTrades();
  }

  /** `counter`: terms the rejecting CPU GM would accept instead */
  tradeRejected(trade: Trade, reason: TradeCloseReason, counter: TradeTerms | null = null): void {
    const seq = this.state.seq + 1;
    const rejected: Trade = { ...trade, status: "rejected", reason, ...(counter ? { counter } : {}) };
    this.append({
      seq,
      type: "trade_rejected",
      at: this.at,
      payload: { session_id: this.state.config.sessionId, seq, trade: rejected },
    });
  }

  /** Pending offers that name a pick already used or moved can never execute: reject them now, for everyone to see. */
  private rejectStaleTrades(): void {
    for (const trade of staleTrades(this.state)) this.tradeRejected(trade, "expired");
  }

  outcome(): Decision<Outcome> {
    return accept({ events: this.events, state: this.state });
  }
}
