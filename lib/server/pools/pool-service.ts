// What clients may ask of draft classes: import one (or check it first), list,
// read, search, export and delete. Transport-free, as the session service.
import "../db/server-only";
import { matchesPlayer, wirePlayer, type PlayerFilter } from "../../draft/players";
import { planPoolImport, type ImportReferences, type PlanResult } from "../../pools/import/plan-import";
import { ContractError } from "../../protocol/errors";
import { BUNDLED_POOL_IDS, type BundledPoolId } from "../../protocol/pool-import";
import type { ImportedPool, PoolCheck, PoolDetail, PoolKind, PoolSummary } from "../../protocol/pools";
import type { Player } from "../../protocol/shapes";
import type { Logger } from "../logger";
import type { DraftPool } from "../../draft/types";
import type { ImportedPools } from "./imported-pools";
import { summaryOf, type PoolCatalog, type PoolRecord } from "./pool-catalog";
import { exportFileName, poolExportCsv, poolExportJson, positionNeeds } from "./pool-export";

/** The first prospects a dry run shows, best rank first. */
const PREVIEW_ROWS = 10;

export interface PoolServiceDeps {
  catalog: PoolCatalog;
  store: ImportedPools;
  /** the league an admin key opens; unauthorized when none */
  leagueOf: (adminKey: string | undefined) => Promise<string>;
  now: () => number;
  logger: Logger;
}

export function createPoolService({ catalog, store, leagueOf, now, logger }: PoolServiceDeps) {
  /** The bundled classes an import may take its order, clubs and needs from. */
  async function references(): Promise<ImportReferences> {
    const bundled = new Map<BundledPoolId, DraftPool>();
    for (const id of BUNDLED_POOL_IDS) {
      const pool = await catalog.get(id);
      if (!pool) throw new Error(`bundled pool ${id} is not loaded`);
      bundled.set(id, pool);
    }
    const latest = bundled.get(BUNDLED_POOL_IDS[BUNDLED_POOL_IDS.length - 1]!)!;
    return {
      clubs: new Map(latest.teams.map((team) => [team.team_id, team.name])),
      order: (id) => bundled.get(id)?.order ?? [],
      needs: (id) => bundled.get(id)?.needs ?? {},
    };
  }

  async function mustRecord(poolId: string): Promise<PoolRecord> {
    const record = await catalog.record(poolId);
    if (!record) throw new ContractError("not_found", `there is no draft class ${poolId}`);
    return record;
  }

  /** How many problems a class has, in a sentence: "the draft class has 3 problems". */
  function problemCount(result: Extract<PlanResult, { ok: false }>): string {
    const more = result.total > result.issues.length ? ` (the first ${result.issues.length} are listed)` : "";
    return `the draft class has ${result.total} problem${result.total === 1 ? "" : "s"}${more}`;
  }

  return {
    /** Checks the body and saves the class in the caller's league, or with dryRun only says what it would save. */
    async importPool(adminKey: string | undefined, body: unknown, dryRun: boolean): Promise<ImportedPool | PoolCheck> {
      const leagueId = await leagueOf(adminKey);
      const started = now();
      const result = planPoolImport(body, await references());
      if (!result.ok) {
        if (dryRun)
          return {
            dry_run: true,
            ok: false,
            message: problemCount(result),
            issues: result.issues,
            total: result.total,
          };
        throw new ContractError("invalid_payload", `${problemCount(result)}; nothing was saved`, result.issues);
      }
      const planned = result.plan;
      const counts = {
        players: planned.prospects.length,
        picks: planned.order.length,
        rounds: planned.rounds,
        warnings: planned.warnings,
      };
      if (dryRun) {
        return {
          dry_run: true,
          ok: true,
          name: planned.name,
          ...counts,
          preview: planned.prospects.slice(0, PREVIEW_ROWS),
          teams: planned.teams,
          needs: planned.needs,
        };
      }
      const pool = await store.insert(planned, leagueId, now());
      logger.info("draft class imported", { pool, players: counts.players, picks: counts.picks, ms: now() - started });
      return { pool, name: planned.name, league_id: leagueId, ...counts };
    },

    async deletePool(adminKey: string | undefined, poolId: string): Promise<void> {
      const leagueId = await leagueOf(adminKey);
      const outcome = await store.delete(poolId, leagueId);
      if (outcome === "deleted") return catalog.forget(poolId);
      if (outcome === "not_found") throw new ContractError("not_found", `there is no draft class ${poolId}`);
      if (outcome === "bundled") throw new ContractError("forbidden", "the bundled draft classes cannot be deleted");
      if (outcome === "other_league")
        throw new ContractError("forbidden", "this draft class belongs to another league");
      throw new ContractError(
        "conflict",
        `${outcome.usedBy} session${outcome.usedBy === 1 ? " uses" : "s use"} this draft class (their replays need it); it can be deleted once none does`,
      );
    },

    list: (filter: { kind?: PoolKind; leagueId?: string } = {}): Promise<PoolSummary[]> => catalog.list(filter),

    async detail(poolId: string): Promise<PoolDetail> {
      const record = await mustRecord(poolId);
      return { ...summaryOf(record), needs: positionNeeds(record) };
    },

    async players(poolId: string, filter: PlayerFilter): Promise<Player[]> {
      const { pool } = await mustRecord(poolId);
      return pool.players.filter((player) => matchesPlayer(player, filter)).map(wirePlayer);
    },

    async exportPool(
      poolId: string,
      format: "csv" | "json",
    ): Promise<{ body: string; contentType: string; fileName: string }> {
      const record = await mustRecord(poolId);
      if (format === "json")
        return {
          body: JSON.stringify(poolExportJson(record)),
          contentType: "application/json",
          fileName: exportFileName(record.name, "json"),
        };
      return {
        body: poolExportCsv(record.pool),
        contentType: "text/csv; charset=utf-8",
        fileName: exportFileName(record.name, "csv"),
      };
    },
  };
}

export type PoolService = ReturnType<typeof createPoolService>;
