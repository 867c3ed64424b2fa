// Bundled draft classes: loaded into the database on first start, then read
// back once per process (they never change) for the engine.
import "../db/server-only";
import { isUniqueViolation } from "../db/unique-violation";
import type { Database } from "../db/open-database";
import { Prisma } from "../db/generated/client";
import { makePool } from "../../draft/pool";
import type { DraftPool } from "../../draft/types";
import { readBundledNeeds } from "../../pools/needs-data";
import { readBundledPools } from "../../pools/pool-data";
import type { NeedProfile } from "../../draft/types";
import type { PoolSummary } from "../../protocol/shapes";
import { historySessionId } from "./history-ids";

/** Inserts every bundled pool the database does not have yet; returns the ids it loaded. */
export async function loadBundledPools(prisma: Database): Promise<string[]> {
  const present = new Set((await prisma.pool.findMany({ select: { id: true } })).map((pool) => pool.id));
  const needs = readBundledNeeds();
  const loaded: string[] = [];
  for (const data of readBundledPools()) {
    if (present.has(data.pool)) continue;
    const teamNeeds = needs[data.pool] ?? {};
    const inserted = await prisma.$transaction([
      prisma.pool.create({ data: { id: data.pool, rounds: data.rounds } }),
      prisma.poolTeam.createMany({
        data: data.teams.map((team) => ({ poolId: data.pool, teamId: team.team_id, name: team.name, needs: (teamNeeds[team.team_id] ?? []) as object[] })),
      }),
      prisma.poolPlayer.createMany({
        data: data.players.map((player) => ({
          poolId: data.pool,
          playerId: player.player_id,
          name: player.name,
          position: player.position,
          category: player.category,
          rank: player.rank,
        })),
      }),
      prisma.poolSlot.createMany({
        data: data.order.map((slot) => ({
          poolId: data.pool,
          overall: slot.overall,
          round: slot.round,
          pickInRound: slot.pick_in_round,
          teamId: slot.team_id,
          originalTeamId: slot.original_team_id,
        })),
      }),
    ]).then(
      () => true,
      // another node starting at the same moment loaded this pool first
      (error: unknown) => {
        if (isUniqueViolation(error)) return false;
        throw error;
      },
    );
    if (inserted) loaded.push(data.pool);
  }
  await fillMissingNeeds(prisma, needs);
  return loaded;
}

/** Pools loaded before clubs had needs profiles get them now. */
async function fillMissingNeeds(prisma: Database, needs: Record<string, Record<string, NeedProfile>>): Promise<void> {
  const missing = await prisma.poolTeam.findMany({ where: { needs: { equals: Prisma.DbNull } }, select: { poolId: true, teamId: true } });
  for (const team of missing) {
    const profile = needs[team.poolId]?.[team.teamId];
    if (profile) await prisma.poolTeam.update({ where: { poolId_teamId: team }, data: { needs: profile as object[] } });
  }
}

export interface PoolCatalog {
  get(poolId: string): Promise<DraftPool | null>;
  list(): Promise<PoolSummary[]>;
}

export function createPoolCatalog(prisma: Database): PoolCatalog {
  const cache = new Map<string, Promise<DraftPool | null>>();

  async function read(poolId: string): Promise<DraftPool | null> {
    const pool = await prisma.pool.findUnique({ where: { id: poolId }, include: { teams: true, players: true, slots: true } });
    if (!pool) return null;
    return makePool({
      id: pool.id,
      rounds: pool.rounds,
      teams: pool.teams.map((team) => ({ team_id: team.teamId, name: team.name })).sort((a, b) => a.team_id.localeCompare(b.team_id)),
      needs: Object.fromEntries(pool.teams.map((team) => [team.teamId, (team.needs ?? []) as unknown as NeedProfile])),
      players: pool.players.map((p) => ({
        player_id: p.playerId,
        name: p.name,
        position: p.position,
        category: p.category,
        rank: p.rank,
        ...(p.college ? { college: p.college } : {}),
      })),
      order: pool.slots.map((s) => ({ overall: s.overall, round: s.round, pick_in_round: s.pickInRound, team_id: s.teamId, original_team_id: s.originalTeamId })),
    });
  }

  const get = (poolId: string) => {
    let entry = cache.get(poolId);
    if (!entry) {
      entry = read(poolId);
      cache.set(poolId, entry);
      // a failed read (database down) must not be cached forever
      entry.catch(() => cache.delete(poolId));
    }
    return entry;
  };

  return {
    get,
    async list() {
      const ids = (await prisma.pool.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((pool) => pool.id);
      const pools = await Promise.all(ids.map(get));
      return pools.flatMap((pool) =>
        pool ? [{ pool: pool.id, rounds: pool.rounds, teams: pool.teams, order: pool.order, history_session_id: historySessionId(pool.id) }] : [],
      );
    },
  };
}
