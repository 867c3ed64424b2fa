// Writing and deleting imported draft classes. A class is written whole in one
// transaction or not at all, through fixed statements whose rows travel as one
// JSON parameter per table (as the event log's), so a 2,000-prospect board
// costs four statements, not thousands of rows through Prisma's compiler.
import "../db/server-only";
import { randomBytes } from "node:crypto";
import type { SqlClient, Statement } from "../db/sql-client";
import type { ImportPlan } from "../../pools/import/plan-import";

const INSERT_POOL: Statement = {
  name: "warroom_insert_pool",
  text: `INSERT INTO pools (id, name, kind, league_id, rounds, created_at) VALUES ($1::text, $2::text, 'imported', $3::uuid, $4::integer, $5::timestamp(3))`,
};

const INSERT_TEAMS: Statement = {
  name: "warroom_insert_pool_teams",
  text: `INSERT INTO pool_teams (pool_id, team_id, name, needs)
SELECT $1::text, t.team_id, t.name, t.needs FROM jsonb_to_recordset($2::jsonb) AS t(team_id text, name text, needs jsonb)`,
};

const INSERT_PLAYERS: Statement = {
  name: "warroom_insert_pool_players",
  text: `INSERT INTO pool_players (pool_id, player_id, name, position, category, college, rank, grade, height_in, weight_lb, forty, notes)
SELECT $1::text, p.player_id, p.name, p.position, p.position, p.college, p.rank, p.grade, p.height_in, p.weight_lb, p.forty, p.notes
FROM jsonb_to_recordset($2::jsonb) AS p(player_id text, name text, position text, college text, rank integer,
  grade double precision, height_in double precision, weight_lb double precision, forty double precision, notes text)`,
};

const INSERT_SLOTS: Statement = {
  name: "warroom_insert_pool_slots",
  text: `INSERT INTO pool_slots (pool_id, overall, round, pick_in_round, team_id, original_team_id)
SELECT $1::text, s.overall, s.round, s.pick_in_round, s.team_id, s.original_team_id
FROM jsonb_to_recordset($2::jsonb) AS s(overall integer, round integer, pick_in_round integer, team_id text, original_team_id text)`,
};

// the row lock makes a session being created on this class (its foreign key
// check locks the same row) finish first, so the count below sees it
const LOCK_POOL: Statement = {
  name: "warroom_lock_pool",
  text: `SELECT kind, league_id::text AS league_id FROM pools WHERE id = $1::text FOR UPDATE`,
};

const COUNT_SESSIONS: Statement = {
  name: "warroom_count_pool_sessions",
  text: `SELECT count(*)::integer AS sessions FROM draft_sessions WHERE pool_id = $1::text`,
};

const DELETE_POOL: Statement = {
  name: "warroom_delete_pool",
  text: `DELETE FROM pools WHERE id = $1::text`,
};

/** Server-chosen ids: random, so two nodes importing at the same moment never pick the same one. */
export const newPoolId = () => `p_${randomBytes(8).toString("hex")}`;

export type DeleteOutcome = "deleted" | "not_found" | "bundled" | "other_league" | { usedBy: number };

export function createImportedPools(sql: SqlClient) {
  return {
    /** Writes the class for the league; returns its new id. */
    async insert(plan: ImportPlan, leagueId: string, now: number): Promise<string> {
      const id = newPoolId();
      const teams = plan.teams.map((team) => ({ ...team, needs: plan.profiles[team.team_id] ?? [] }));
      await sql.transaction(async (query) => {
        await query(INSERT_POOL, [id, plan.name, leagueId, plan.rounds, new Date(now).toISOString()]);
        await query(INSERT_TEAMS, [id, JSON.stringify(teams)]);
        await query(INSERT_PLAYERS, [id, JSON.stringify(plan.prospects)]);
        await query(INSERT_SLOTS, [id, JSON.stringify(plan.order)]);
      });
      return id;
    },

    /** Deletes an imported class of this league that no session uses; otherwise says why not. */
    async delete(poolId: string, leagueId: string): Promise<DeleteOutcome> {
      return sql.transaction(async (query): Promise<DeleteOutcome> => {
        const [row] = await query<{ kind: string; league_id: string | null }>(LOCK_POOL, [poolId]);
        if (!row) return "not_found";
        if (row.kind !== "imported") return "bundled";
        if (row.league_id !== leagueId) return "other_league";
        const [count] = await query<{ sessions: number }>(COUNT_SESSIONS, [poolId]);
        if (count && count.sessions > 0) return { usedBy: count.sessions };
        await query(DELETE_POOL, [poolId]);
        return "deleted";
      });
    },
  };
}

export type ImportedPools = ReturnType<typeof createImportedPools>;
