// What an Actor may ask of a session (a seat for its team, the commissioner for
// any): picks, trades, queues and admin actions. Sockets and HTTP call these
// the same way; the Actor says who asks (access.ts resolves it), and the
// engine and these checks refuse what that actor may not do.
import "../db/server-only";
import { randomUUID } from "node:crypto";
import { toSnapshot } from "../../draft/snapshot";
import type { Actor } from "../../draft/types";
import type { AdminAction } from "../../protocol/commands";
import { ContractError } from "../../protocol/errors";
import type { DraftPick, FuturePick, Snapshot, Trade } from "../../protocol/shapes";
import type { SessionRepository } from "./session-repository";
import type { SessionRunner } from "./session-runner";

export interface CommandDeps {
  repo: SessionRepository;
  runner: SessionRunner;
  now: () => number;
  /** clear_chat: chat is not the draft, so its own service does it (lib/server/chat) */
  clearChat: (sessionId: string) => Promise<void>;
}

/** A seat acts for its own team only; the commissioner for any. */
function mayActFor(actor: Actor, teamId: string): void {
  if (actor.kind === "team" && actor.teamId !== teamId)
    throw new ContractError("forbidden", `your seat is ${actor.teamId}, not ${teamId}`);
}

export function createSessionCommands({ repo, runner, now, clearChat }: CommandDeps) {
  return {
    async makePick(
      sessionId: string,
      actor: Actor,
      input: { teamId: string; playerId: string; expectedOverall?: number },
    ): Promise<DraftPick> {
      mayActFor(actor, input.teamId);
      const outcome = await runner.execute(sessionId, { type: "make_pick", actor, ...input });
      const event = outcome.events.find((e) => e.type === "draft_pick");
      if (event?.type !== "draft_pick") throw new Error("a pick produced no draft_pick event");
      return event.payload.pick;
    },

    /** The trade as proposed: pending, or executed at once for the commissioner; a CPU GM's answer follows as an event. */
    async proposeTrade(
      sessionId: string,
      actor: Actor,
      input: {
        fromTeamId: string;
        toTeamId: string;
        give: number[];
        receive: number[];
        giveFuture?: FuturePick[];
        receiveFuture?: FuturePick[];
      },
    ): Promise<Trade> {
      mayActFor(actor, input.fromTeamId);
      const tradeId = randomUUID();
      const { state } = await runner.execute(sessionId, { type: "propose_trade", actor, tradeId, ...input });
      // as it stands after the command: a CPU GM's answer (executed, or rejected with its reason) comes with it
      const trade = state.trades.find((t) => t.trade_id === tradeId);
      if (!trade) throw new Error("a trade proposal produced no trade");
      return trade;
    },

    /** Shop the pick: CPU GMs that want to move up answer at once with pending offers (at most three). */
    async shopPick(sessionId: string, actor: Actor, teamId: string): Promise<Trade[]> {
      mayActFor(actor, teamId);
      const { events } = await runner.execute(sessionId, { type: "shop_pick", actor, teamId });
      return events.flatMap((event) => (event.type === "trade_proposed" ? [event.payload.trade] : []));
    },

    async respondTrade(sessionId: string, actor: Actor, tradeId: string, accept: boolean): Promise<Trade> {
      const { state } = await runner.execute(sessionId, { type: "respond_trade", actor, tradeId, accept });
      const trade = state.trades.find((t) => t.trade_id === tradeId);
      if (!trade) throw new Error("an answered trade is missing");
      return trade;
    },

    async setQueue(sessionId: string, actor: Actor, teamId: string, playerIds: string[]): Promise<string[]> {
      mayActFor(actor, teamId);
      const queue = [...new Set(playerIds)];
      await runner.update(sessionId, async (session) => {
        const unknown = queue.filter((id) => !session.state.config.pool.playersById.has(id));
        if (unknown.length)
          throw new ContractError("not_found", `no player ${unknown.slice(0, 3).join(", ")} in this pool`);
        await repo.saveQueue(sessionId, teamId, queue);
        session.state = { ...session.state, queues: { ...session.state.queues, [teamId]: queue } };
      });
      return queue;
    },

    /** The session after the action, as the command left it (no second read). */
    async adminAction(sessionId: string, actor: Actor, action: AdminAction): Promise<Snapshot> {
      if (actor.kind !== "admin") throw new ContractError("forbidden", "only the league admin may do this");
      if (action === "clear_chat") {
        await clearChat(sessionId);
        return toSnapshot((await runner.current(sessionId)).state, now());
      }
      const { state } = await runner.execute(sessionId, { type: action });
      return toSnapshot(state, now());
    },
  };
}

export type SessionCommands = ReturnType<typeof createSessionCommands>;
