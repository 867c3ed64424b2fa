// Every draft class, bundled or imported, read back for the engine and the
// pool routes through one loader: the engine never knows where a board came
// from. Classes never change once written (an import is a new class), so a
// read is kept; an imported one may be deleted, so its existence is checked
// on every use and only a few are kept in memory.
import "../db/server-only";
import type { Database } from "../db/open-database";
import { makePool } from "../../draft/pool";
import type { DraftPool, NeedProfile } from "../../draft/types";
import type { PoolKind, PoolSummary } from "../../protocol/pools";
import { IMPORTED_POOL_ID } from "../../protocol/pool-import";
import type { Slot } from "../../protocol/shapes";
import { historySessionId } from "./history-ids";

export interface PoolRecord {
  pool: DraftPool;
  name: string;
  kind: PoolKind;
  /** the league that imported it; null for a bundled class */
  leagueId: string | null;
  /** ISO time of the import; null for a bundled class */
  createdAt: string | null;
}

export interface PoolCatalog {
  /** the class for the engine, or null when there is none */
  get(poolId: string): Promise<DraftPool | null>;
  /** the class with its name, kind and owner, or null */
  record(poolId: string): Promise<PoolRecord | null>;
  /** bundled classes (by id), then imported ones (newest first, at most IMPORTED_LIST_LIMIT) */
  list(filter?: { kind?: PoolKind; leagueId?: string }): Promise<PoolSummary[]>;
  /** a class this node deleted leaves its memory at once (other nodes find it gone on their next use) */
  forget(poolId: string): void;
}

export const IMPORTED_LIST_LIMIT = 100;
/** Imported classes kept in memory besides those running sessions hold; a 2,000-prospect board is about 1 MB. */
const IMPORTED_CACHE_SIZE = 32;

const isImported = (poolId: string) => IMPORTED_POOL_ID.test(poolId);

type SlotRow = { overall: number; round: number; pickInRound: number; teamId: string; originalTeamId: string };
const toSlot = (s: SlotRow): Slot => ({
  overall: s.overall,
  round: s.round,
  pick_in_round: s.pickInRound,
  team_id: s.teamId,
  original_team_id: s.originalTeamId,
});

/** Optional columns a board may leave empty: absent on the wire, not null. */
function present<T extends Record<string, unknown>>(fields: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}

export function summaryOf(record: PoolRecord): PoolSummary {
  const { pool } = record;
  return {
    pool: pool.id,
    name: record.name,
    kind: record.kind,
    ...(record.leagueId ? { league_id: record.leagueId } : {}),
    rounds: pool.rounds,
    players: pool.players.length,
    teams: pool.teams,
    order: pool.order,
    ...(record.kind === "bundled" ? { history_session_id: historySessionId(pool.id) } : {}),
    ...(record.createdAt ? { created_at: record.createdAt } : {}),
  };
}

export function createPoolCatalog(prisma: Database): PoolCatalog {
  const bundled = new Map<string, Promise<PoolRecord | null>>();
  /** most recently used last */
  const imported = new Map<string, Promise<PoolRecord | null>>();

  async function read(poolId: string): Promise<PoolRecord | null> {
    const row = await prisma.pool.findUnique({
      where: { id: poolId },
      include: { teams: true, players: true, slots: true },
    });
    if (!row) return null;
    const pool = makePool({
      id: row.id,
      rounds: row.rounds,
      teams: row.teams
        .map((team) => ({ team_id: team.teamId, name: team.name }))
        .sort((a, b) => a.team_id.localeCompare(b.team_id)),
      needs: Object.fromEntries(row.teams.map((team) => [team.teamId, (team.needs ?? []) as unknown as NeedProfile])),
      players: row.players.map((p) => ({
        player_id: p.playerId,
        name: p.name,
        position: p.position,
        category: p.category,
        rank: p.rank,
        ...present({
          college: p.college,
          grade: p.grade,
          height_in: p.heightIn,
          weight_lb: p.weightLb,
          forty: p.forty,
          notes: p.notes,
        }),
      })),
      order: row.slots.map(toSlot),
    });
    return {
      pool,
      name: row.name,
      kind: row.kind === "imported" ? "imported" : "bundled",
      leagueId: row.leagueId,
      createdAt: row.kind === "imported" ? row.createdAt.toISOString() : null,
    };
  }

  /** a failed read (database down) or a missing class is not remembered */
  function remember(cache: Map<string, Promise<PoolRecord | null>>, poolId: string): Promise<PoolRecord | null> {
    const entry = read(poolId);
    cache.set(poolId, entry);
    entry.then(
      (record) => record === null && cache.get(poolId) === entry && cache.delete(poolId),
      () => cache.get(poolId) === entry && cache.delete(poolId),
    );
    return entry;
  }

  async function record(poolId: string): Promise<PoolRecord | null> {
    if (!isImported(poolId)) return bundled.get(poolId) ?? remember(bundled, poolId);
    const cached = imported.get(poolId);
    if (!cached) {
      const entry = remember(imported, poolId);
      while (imported.size > IMPORTED_CACHE_SIZE) imported.delete(imported.keys().next().value as string);
      return entry;
    }
    // another node may have deleted it
    if ((await prisma.pool.count({ where: { id: poolId } })) === 0) {
      imported.delete(poolId);
      return null;
    }
    imported.delete(poolId);
    imported.set(poolId, cached);
    return cached;
  }

  return {
    record,
    get: async (poolId) => (await record(poolId))?.pool ?? null,

    async list(filter = {}) {
      const summaries: PoolSummary[] = [];
      if (filter.kind !== "imported") {
        const ids = await prisma.pool.findMany({
          where: { kind: "bundled" },
          select: { id: true },
          orderBy: { id: "asc" },
        });
        for (const { id } of ids) {
          const found = await record(id);
          if (found) summaries.push(summaryOf(found));
        }
      }
      if (filter.kind !== "bundled") {
        // the list needs no boards: counted, not read
        const rows = await prisma.pool.findMany({
          where: { kind: "imported", ...(filter.leagueId ? { leagueId: filter.leagueId } : {}) },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: IMPORTED_LIST_LIMIT,
          include: {
            teams: { select: { teamId: true, name: true }, orderBy: { teamId: "asc" } },
            slots: { orderBy: { overall: "asc" } },
            _count: { select: { players: true } },
          },
        });
        for (const row of rows) {
          summaries.push({
            pool: row.id,
            name: row.name,
            kind: "imported",
            ...(row.leagueId ? { league_id: row.leagueId } : {}),
            rounds: row.rounds,
            players: row._count.players,
            teams: row.teams.map((team) => ({ team_id: team.teamId, name: team.name })),
            order: row.slots.map(toSlot),
            created_at: row.createdAt.toISOString(),
          });
        }
      }
      return summaries;
    },

    forget(poolId) {
      imported.delete(poolId);
    },
  };
}
