import fs from "node:fs";
import path from "node:path";
import { BUNDLED_POOL_IDS } from "../protocol/pool-import";

// Shape of prisma/pools/<pool>.json, written by scripts/build-pools.ts.
// Keys are snake_case because the files are committed data, not API payloads.

export interface PoolTeamData {
  team_id: string;
  name: string;
}

export interface PoolPlayerData {
  player_id: string;
  name: string;
  position: string;
  category: string;
  /** The real overall pick number, so a pool's ranks run 1..N. */
  rank: number;
}

export interface PoolSlotData {
  overall: number;
  round: number;
  pick_in_round: number;
  team_id: string;
  /** The session's starting owner; trades change team_id, never this. */
  original_team_id: string;
}

export interface PoolData {
  pool: string;
  rounds: number;
  source: string;
  teams: PoolTeamData[];
  players: PoolPlayerData[];
  order: PoolSlotData[];
}

/** The bundled classes, as the contract names them. */
export const BUNDLED_POOLS = BUNDLED_POOL_IDS;

/**
 * Reads the committed pools from disk at call time. Deliberately fs, not a JSON
 * import: an import would inline ~250 KB of data into every bundle that touches this
 * module, and the seed/server only need it once.
 */
export function readBundledPools(dir = path.join(process.cwd(), "prisma/pools")): PoolData[] {
  return BUNDLED_POOLS.map((pool) => {
    const file = path.join(dir, `${pool}.json`);
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as PoolData;
    // A renamed or hand-edited file would otherwise load under the wrong name silently.
    if (data.pool !== pool) throw new Error(`${file}: expected pool "${pool}", found "${String(data.pool)}"`);
    return data;
  });
}
