// Creating a session: a league admin picks a draft class, rounds, seats and
// settings; the order and settings are stored, human seats get their tokens.
import "../db/server-only";
import { randomInt, randomUUID } from "node:crypto";
import { buildOrder } from "../../draft/order";
import { ContractError } from "../../protocol/errors";
import type { CreateSessionBody } from "../../protocol/http";
import { hashSecret, newSecret } from "../auth/secrets";
import { isForeignKeyViolation } from "../db/unique-violation";
import type { PoolCatalog } from "../pools/pool-catalog";
import type { SessionRepository } from "./session-repository";

export interface SetupDeps {
  repo: SessionRepository;
  pools: PoolCatalog;
  /** lobby, running or paused sessions a league may have at once */
  activeSessionsPerLeague?: number;
}

export function createSessionSetup({ repo, pools, activeSessionsPerLeague = Infinity }: SetupDeps) {
  /** A new session in the league: seats, order and settings stored; human seats get their tokens (shown once). */
  async function createSession(leagueId: string, body: CreateSessionBody) {
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
    const { name, rounds, seconds_per_pick, cpu_delay_ms, cpu_randomness, need_weight, trade_chart, cpu_trade_offers } =
      body;
    // stored explicitly: a session created before CPU-to-CPU trades existed (no flag) keeps drafting without them
    const cpu_trades = body.cpu_trades ?? true;
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
          cpu_trades,
        },
        seatAccess: body.seat_access ?? "open",
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
        if (isForeignKeyViolation(error)) throw new ContractError("not_found", `there is no draft class ${body.pool}`);
        throw error;
      });
    return {
      session_id: id,
      seats: seats.flatMap((seat) => (seat.token ? [{ team_id: seat.team_id, token: seat.token }] : [])),
    };
  }

  return { createSession };
}

export type SessionSetup = ReturnType<typeof createSessionSetup>;
