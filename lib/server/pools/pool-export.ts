// A draft class as a file: the CSV that prospects_csv takes, or a whole
// POST /api/pools body. Importing either again gives the same board.
import "../db/server-only";
import { groupOf } from "../../draft/position-groups";
import type { DraftPool, PoolPlayer } from "../../draft/types";
import { gridFromProfile } from "../../pools/import/position-needs";
import { canonicalPosition, POSITIONS, type Position } from "../../protocol/positions";
import type { PositionNeeds } from "../../protocol/pools";
import { toCsv } from "../http/csv-out";
import type { PoolRecord } from "./pool-catalog";

export const PROSPECT_COLUMNS = [
  "rank",
  "name",
  "position",
  "college",
  "grade",
  "height_in",
  "weight_lb",
  "forty",
  "notes",
] as const;

/** A bundled class's listed positions include ones the contract does not name (NT): those go out as the first position of their group. */
function exportedPosition(player: PoolPlayer): Position {
  return (
    canonicalPosition(player.position) ??
    POSITIONS.find((position) => groupOf(position) === groupOf(player.category)) ??
    "QB"
  );
}

/** Each seated club's needs by position: an imported class's as stored, a bundled class's spread from its groups. */
export function positionNeeds(record: PoolRecord): PositionNeeds {
  const keyedBy = record.kind === "imported" ? "position" : "group";
  return Object.fromEntries(
    record.pool.teams.map((team) => [team.team_id, gridFromProfile(record.pool.needs[team.team_id] ?? [], keyedBy)]),
  );
}

function prospect(player: PoolPlayer) {
  const { name, rank, college, grade, height_in, weight_lb, forty, notes } = player;
  return {
    name,
    position: exportedPosition(player),
    rank,
    ...stripUndefined({ college, grade, height_in, weight_lb, forty, notes }),
  };
}

function stripUndefined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function poolExportJson(record: PoolRecord) {
  const pool: DraftPool = record.pool;
  return {
    name: record.name,
    prospects: pool.players.map(prospect),
    order: pool.order.map(({ overall, round, team_id, original_team_id }) => ({
      overall,
      round,
      team_id,
      original_team_id,
    })),
    needs: positionNeeds(record),
  };
}

export function poolExportCsv(pool: DraftPool): string {
  return toCsv(
    PROSPECT_COLUMNS,
    pool.players.map((player) => {
      const row = prospect(player);
      return [
        row.rank,
        row.name,
        row.position,
        row.college,
        row.grade,
        row.height_in,
        row.weight_lb,
        row.forty,
        row.notes,
      ];
    }),
  );
}

/** A file name from the class's name: letters, digits and dashes. */
export function exportFileName(name: string, extension: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[^\w]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${base || "draft-class"}.${extension}`;
}
