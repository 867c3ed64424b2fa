import fs from "node:fs";
import path from "node:path";
import type { NeedProfile } from "../draft/types";
import { BUNDLED_POOLS } from "./pool-data";

// Shape of prisma/needs/<pool>.json, written by scripts/build-needs.ts.

export interface NeedsData {
  pool: string;
  /** how the profiles were derived, in one sentence (the README has the detail) */
  method: string;
  /** team_id → needs, most pressing first; weights in (0, 1], the top one 1 */
  teams: Record<string, NeedProfile>;
}

/**
 * Reads every bundled pool's needs from disk at call time: pool → team_id → profile.
 * fs rather than a JSON import for the same reason as readBundledPools: the data
 * is needed once per process, not in every bundle that touches this module.
 */
export function readBundledNeeds(
  dir = path.join(process.cwd(), "prisma/needs"),
): Record<string, Record<string, NeedProfile>> {
  const needs: Record<string, Record<string, NeedProfile>> = {};
  for (const pool of BUNDLED_POOLS) {
    const file = path.join(dir, `${pool}.json`);
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as NeedsData;
    // A renamed file would otherwise give one season's clubs another season's needs.
    if (data.pool !== pool) throw new Error(`${file}: expected pool "${pool}", found "${String(data.pool)}"`);
    for (const [team, profile] of Object.entries(data.teams)) {
      const bad = profile.find((need) => !(need.weight > 0 && need.weight <= 1) || !need.category);
      if (bad) throw new Error(`${file}: ${team} has a need outside (0, 1]: ${JSON.stringify(bad)}`);
    }
    needs[pool] = data.teams;
  }
  return needs;
}
