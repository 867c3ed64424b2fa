// Bundled draft classes: loaded into the database on first start, then read
// back through the catalog like any other class.
import "../db/server-only";
import { isUniqueViolation } from "../db/unique-violation";
import type { Database } from "../db/open-database";
import { Prisma } from "../db/generated/client";
import type { NeedProfile } from "../../draft/types";
import { readBundledNeeds } from "../../pools/needs-data";
import { readBundledPools } from "../../pools/pool-data";

export const bundledPoolName = (poolId: string) => `${poolId} NFL draft class`;

/** Inserts every bundled pool the database does not have yet; returns the ids it loaded. */
export async function loadBundledPools(prisma: Database): Promise<string[]> {
  const present = new Set(
    (await prisma.pool.findMany({ where: { kind: "bundled" }, select: { id: true } })).map((pool) => pool.id),
  );
  const needs = readBundledNeeds();
  const loaded: string[] = [];
  for (const data of readBundledPools()) {
    if (present.has(data.pool)) continue;
    const teamNeeds = needs[data.pool] ?? {};
    const inserted = await prisma
      .$transaction([
        prisma.pool.create({
          data: { id: data.pool, name: bundledPoolName(data.pool), kind: "bundled", rounds: data.rounds },
        }),
        prisma.poolTeam.createMany({
          data: data.teams.map((team) => ({
            poolId: data.pool,
            teamId: team.team_id,
            name: team.name,
            needs: (teamNeeds[team.team_id] ?? []) as object[],
          })),
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
      ])
      .then(
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
  const missing = await prisma.poolTeam.findMany({
    where: { needs: { equals: Prisma.DbNull } },
    select: { poolId: true, teamId: true },
  });
  for (const team of missing) {
    const profile = needs[team.poolId]?.[team.teamId];
    if (profile) await prisma.poolTeam.update({ where: { poolId_teamId: team }, data: { needs: profile as object[] } });
  }
}
