// What clients may ask of sessions, over sockets or HTTP: who they are in a
// session, creating and claiming, picking, queues, admin actions and reads.
// Transport-free: handlers call these and map ContractError to the wire.
import "../db/server-only";
import { randomInt, randomUUID } from "node:crypto";
import { buildOrder } from "../../draft/order";
import { toSnapshot } from "../../draft/snapshot";
import type { Actor } from "../../draft/types";
import type { AdminAction } from "../../protocol/commands";
import { ContractError } from "../../protocol/errors";
import type { CreateSessionBody } from "../../protocol/http";
import type { Pick, Snapshot, Trade } from "../../protocol/shapes";
import { digestsEqual, hashSecret, newSecret } from "../auth/secrets";
import { isForeignKeyViolation } from "../db/unique-violation";
import type { PoolCatalog } from "../pools/pool-catalog";
import type { SessionRepository } from "./session-repository";
import type { SessionRunner } from "./session-runner";

export type Role = { role: "team"; team_id: string } | { role: "admin" } | { role: "spectator" };

/** At most this many missed events come with a join; past it the snapshot alone resyncs the client. */
export const MISSED_LIMIT = 500;

/** Longer than any secret we issue: refused before it costs a hash or a lookup. */
const MAX_TOKEN_LENGTH = 200;

export interface SessionServiceDeps {
  repo: SessionRepository;
  pools: PoolCatalog;
  runner: SessionRunner;
  now: () => number;
  /** lobby, running or paused sessions a league may have at once */
  activeSessionsPerLeague?: number;
  /** a seat's token was replaced: sockets holding that seat (on every node) must lose it now */
  seatRevoked?: (sessionId: string, teamId: string) => void;
  /** the league's admin key was replaced: sockets that joined a session with it (on every node) must lose admin now */
  adminRevoked?: (sessionId: string) => void;
}

export function createSessionService({
  repo,
  pools,
  runner,
  now,
  activeSessionsPerLeague = Infinity,
  seatRevoked = () => {},
  adminRevoked = () => {},
}: SessionServiceDeps) {
  /** The league whose admin key this is; unauthorized when none. */
  async function requireLeague(adminKey: string | undefined) {
    const league = await findLeague(adminKey);
    if (!league) throw new ContractError("unauthorized", "a league admin key is required");
    return league;
  }

  const leagueOf = async (adminKey: string | undefined): Promise<string> => (await requireLeague(adminKey)).id;

  async function findLeague(adminKey: string | undefined) {
    if (!adminKey || adminKey.length > MAX_TOKEN_LENGTH) return null;
    const hash = hashSecret(adminKey);
    const league = await repo.findLeagueByKeyHash(hash);
    return league && digestsEqual(league.adminKeyHash, hash) ? league : null;
  }

  async function requireAdmin(adminKey: string | undefined, sessionId: string): Promise<void> {
    const leagueId = await leagueOf(adminKey);
    const { leagueId: owner } = await runner.mustLoad(sessionId);
    if (leagueId !== owner) throw new ContractError("forbidden", "this admin key belongs to another league");
  }

  async function makePick(
    sessionId: string,
    actor: Actor,
    input: { teamId: string; playerId: string; expectedOverall?: number },
  ): Promise<Pick> {
    const outcome = await runner.execute(sessionId, { type: "make_pick", actor, ...input });
    const event = outcome.events.find((e) => e.type === "draft_pick");
    if (event?.type !== "draft_pick") throw new Error("a pick produced no draft_pick event");
    return event.payload.pick;
  }

  /** The trade as proposed (pending, or executed at once for an admin); a CPU GM's answer follows as an event. */
  async function proposeTrade(
    sessionId: string,
    actor: Actor,
    input: { fromTeamId: string; toTeamId: string; give: number[]; receive: number[] },
  ): Promise<Trade> {
    const tradeId = randomUUID();
    const outcome = await runner.execute(sessionId, { type: "propose_trade", actor, tradeId, ...input });
    const first = outcome.events.find(
      (e) => (e.type === "trade_proposed" || e.type === "trade_executed") && e.payload.trade.trade_id === tradeId,
    );
    if (first?.type !== "trade_proposed" && first?.type !== "trade_executed")
      throw new Error("a trade proposal produced no trade event");
    return first.payload.trade;
  }

  /** The session after the action, as the command left it (no second read). */
  async function adminAction(sessionId: string, action: AdminAction): Promise<Snapshot> {
    const { state } = await runner.execute(sessionId, { type: action });
    return toSnapshot(state, now());
  }

  const snapshotOf = async (sessionId: string): Promise<Snapshot> =>
    toSnapshot((await runner.current(sessionId)).state, now());

  return {
    snapshot: snapshotOf,

    async createLeague(name: string) {
      const adminKey = newSecret("adm");
      const league = await repo.createLeague({ name, adminKeyHash: hashSecret(adminKey) });
      return { league_id: league.id, admin_key: adminKey };
    },

    async createSession(adminKey: string | undefined, body: CreateSessionBody) {
      const leagueId = await leagueOf(adminKey);
      if (
        Number.isFinite(activeSessionsPerLeague) &&
        (await repo.countActiveSessions(leagueId)) >= activeSessionsPerLeague
      ) {
        throw new ContractError(
          "conflict",
          `this league already has ${activeSessionsPerLeague} sessions that are not complete; complete one first`,
        );
      }
      const record = await pools.record(body.pool);
      if (!record) throw new ContractError("not_found", `there is no draft class ${body.pool}`);
      // an imported class is its league's own
      if (record.kind === "imported" && record.leagueId !== leagueId)
        throw new ContractError("forbidden", "this draft class belongs to another league");
      const { pool } = record;
      if (body.rounds > pool.rounds) {
        throw new ContractError("invalid_payload", `pool ${pool.id} has ${pool.rounds} rounds`, [
          { path: "rounds", message: `at most ${pool.rounds}` },
        ]);
      }
      const unknown = body.human_teams.filter((team) => !pool.teams.some((t) => t.team_id === team));
      if (unknown.length) throw new ContractError("not_found", `no team ${unknown.join(", ")} in pool ${pool.id}`);
      const humans = new Set(body.human_teams);
      const seats = pool.teams.map((team) => ({ ...team, token: humans.has(team.team_id) ? newSecret("seat") : null }));
      const id = randomUUID();
      const {
        name,
        rounds,
        seconds_per_pick,
        cpu_delay_ms,
        cpu_randomness,
        need_weight,
        trade_chart,
        cpu_trade_offers,
      } = body;
      // an unseeded session still gets a seed, kept with it, so any draft can be reproduced
      const seed = body.seed ?? randomInt(2 ** 31);
      await repo
        .createSession({
          id,
          leagueId,
          poolId: pool.id,
          name,
          config: {
            rounds,
            seconds_per_pick,
            cpu_delay_ms,
            seed,
            cpu_randomness,
            need_weight,
            trade_chart,
            cpu_trade_offers,
          },
          seats: seats.map((seat) => ({
            teamId: seat.team_id,
            name: seat.name,
            controller: seat.token ? "human" : "cpu",
            tokenHash: seat.token ? hashSecret(seat.token) : null,
          })),
          order: buildOrder(pool, rounds),
        })
        .catch((error: unknown) => {
          // its imported class was deleted a moment ago
          if (isForeignKeyViolation(error))
            throw new ContractError("not_found", `there is no draft class ${body.pool}`);
          throw error;
        });
      return {
        session_id: id,
        seats: seats.flatMap((seat) => (seat.token ? [{ team_id: seat.team_id, token: seat.token }] : [])),
      };
    },

    /** A socket's role from its token: a seat token → that team, this league's admin key → admin, none → spectator. */
    async resolveRole(sessionId: string, token: string | undefined): Promise<Role> {
      const { leagueId } = await runner.mustLoad(sessionId);
      if (!token) return { role: "spectator" };
      if (token.length > MAX_TOKEN_LENGTH) throw new ContractError("unauthorized", "unknown token");
      const hash = hashSecret(token);
      const seat = await repo.findSeatByTokenHash(hash);
      if (seat && digestsEqual(seat.tokenHash ?? "", hash)) {
        if (seat.sessionId !== sessionId)
          throw new ContractError("forbidden", "this seat token is for another session");
        // a human seat is open until someone claims it or first joins with its token
        if (!seat.claimed) await repo.markSeatClaimed(sessionId, seat.teamId);
        return { role: "team", team_id: seat.teamId };
      }
      const league = await findLeague(token);
      if (league) {
        if (league.id !== leagueId) throw new ContractError("forbidden", "this admin key belongs to another league");
        return { role: "admin" };
      }
      throw new ContractError("unauthorized", "unknown token");
    },

    /** The snapshot, and every event after `lastSeq` up to it (none when more than MISSED_LIMIT); a seat also gets its queue. */
    async join(sessionId: string, lastSeq: number | undefined, teamId?: string) {
      const loaded = await runner.current(sessionId);
      const snapshot = toSnapshot(loaded.state, now());
      const queue = teamId ? { queue: [...(loaded.state.queues[teamId] ?? [])] } : {};
      if (lastSeq === undefined) return { snapshot, ...queue };
      const gap = snapshot.seq - lastSeq;
      if (gap <= 0 || gap > MISSED_LIMIT) return { snapshot, missed: [], ...queue };
      return { snapshot, missed: await repo.readEvents(sessionId, lastSeq, MISSED_LIMIT, snapshot.seq), ...queue };
    },

    makePick,
    proposeTrade,

    async respondTrade(sessionId: string, actor: Actor, tradeId: string, accept: boolean): Promise<Trade> {
      const { state } = await runner.execute(sessionId, { type: "respond_trade", actor, tradeId, accept });
      const trade = state.trades.find((t) => t.trade_id === tradeId);
      if (!trade) throw new Error("an answered trade is missing");
      return trade;
    },

    async setQueue(sessionId: string, teamId: string, playerIds: string[]): Promise<string[]> {
      const queue = [...new Set(playerIds)];
      await runner.update(sessionId, async (loaded) => {
        const unknown = queue.filter((id) => !loaded.state.config.pool.playersById.has(id));
        if (unknown.length)
          throw new ContractError("not_found", `no player ${unknown.slice(0, 3).join(", ")} in this pool`);
        await repo.saveQueue(sessionId, teamId, queue);
        loaded.state = { ...loaded.state, queues: { ...loaded.state.queues, [teamId]: queue } };
      });
      return queue;
    },

    adminAction,

    /** The HTTP form of admin_action: authorised by the league admin key. */
    async adminActionWithKey(adminKey: string | undefined, sessionId: string, action: AdminAction): Promise<Snapshot> {
      await requireAdmin(adminKey, sessionId);
      return adminAction(sessionId, action);
    },

    /** The league an admin key opens, for the admin console's sign-in. */
    async league(adminKey: string | undefined) {
      const league = await requireLeague(adminKey);
      return { league_id: league.id, name: league.name };
    },

    leagueOf,

    /** A new key for the league (shown once); the old one stops working at once, for HTTP and for sockets. */
    async rotateAdminKey(adminKey: string | undefined) {
      const league = await requireLeague(adminKey);
      const next = newSecret("adm");
      if (!(await repo.rotateLeagueKey(league.id, league.adminKeyHash, hashSecret(next)))) {
        throw new ContractError("unauthorized", "this admin key was replaced a moment ago");
      }
      for (const sessionId of await repo.sessionIdsOfLeague(league.id)) adminRevoked(sessionId);
      return { league_id: league.id, name: league.name, admin_key: next };
    },

    async adminPick(
      adminKey: string | undefined,
      sessionId: string,
      input: { teamId: string; playerId: string; expectedOverall?: number },
    ): Promise<Pick> {
      await requireAdmin(adminKey, sessionId);
      return makePick(sessionId, { kind: "admin" }, input);
    },

    /** A commissioner's trade between any two teams: executes at once. */
    async adminTrade(
      adminKey: string | undefined,
      sessionId: string,
      input: { fromTeamId: string; toTeamId: string; give: number[]; receive: number[] },
    ): Promise<Trade> {
      await requireAdmin(adminKey, sessionId);
      const trade = await proposeTrade(sessionId, { kind: "admin" }, input);
      if (trade.status !== "executed") throw new Error("a commissioner trade did not execute");
      return trade;
    },

    /** A new seat token for a human seat (for the admin to hand out again); the old one stops working. */
    async rotateSeatToken(adminKey: string | undefined, sessionId: string, teamId: string) {
      await requireAdmin(adminKey, sessionId);
      const token = newSecret("seat");
      if (!(await repo.rotateSeatToken(sessionId, teamId, hashSecret(token))))
        throw new ContractError("not_found", `no human seat ${teamId} in this session`);
      // the old token no longer resolves anywhere (the database is shared); sockets that joined with it lose the seat now
      seatRevoked(sessionId, teamId);
      return { token };
    },

    async claimSeat(sessionId: string, teamId: string, displayName: string) {
      const { state } = await runner.mustLoad(sessionId);
      const team = state.config.teams.find((t) => t.team_id === teamId);
      if (!team) throw new ContractError("not_found", `no team ${teamId} in this session`);
      if (team.controller !== "human") throw new ContractError("conflict", `${teamId} is a CPU seat`);
      const token = newSecret("seat");
      if (!(await repo.claimSeat(sessionId, teamId, hashSecret(token), displayName))) {
        throw new ContractError("conflict", `the ${teamId} seat is already taken`);
      }
      return { token };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
