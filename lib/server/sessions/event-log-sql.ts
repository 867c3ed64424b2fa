// The hot path's writes and reads of a session's log, as fixed parameterised
// SQL through the driver. Rows travel as one JSON parameter per table, so a
// batch of one pick and a batch of 32 are the same statement (PostgreSQL
// prepares it once per connection) and the common append is one round trip.
// Timestamps are stored as UTC wall time in `timestamp(3)`, as Prisma does:
// casting an ISO string ending in "Z" to `timestamp` keeps its UTC digits.
import "../db/server-only";
import type { BatchStep, Lane, SqlClient, Statement } from "../db/sql-client";
import { isUniqueViolation } from "../db/unique-violation";
import type { DraftEvent } from "../../draft/types";
import type { SessionStatus } from "../../protocol/shapes";

/** What the session row mirrors of the state after a batch of events. */
export interface SessionProjection {
  status: SessionStatus;
  seq: number;
  currentOverall: number | null;
  deadline: number | null;
  /** when the clock next has work for this session */
  dueAt: number | null;
}

/** Another writer (a second click, another node) got there first: the unique keys refused this batch. */
export class WriteConflict extends Error {
  constructor() {
    super("another writer appended to this session first");
    this.name = "WriteConflict";
  }
}

// Events, picks and the session row in one statement: atomic without BEGIN/COMMIT.
const APPEND: Statement = {
  name: "warroom_append",
  text: `WITH new_events AS (
  INSERT INTO session_events (session_id, seq, type, payload, at)
  SELECT $1::uuid, e.seq, e.type, e.payload, e.at
  FROM jsonb_to_recordset($2::jsonb) AS e(seq integer, type text, payload jsonb, at timestamp(3))
), new_picks AS (
  INSERT INTO picks (session_id, overall, team_id, player_id, auto, made_at)
  SELECT $1::uuid, p.overall, p.team_id, p.player_id, p.auto, p.made_at
  FROM jsonb_to_recordset($3::jsonb) AS p(overall integer, team_id text, player_id text, auto boolean, made_at timestamp(3))
)
UPDATE draft_sessions
SET status = $4::text, seq = $5::integer, current_overall = $6::integer,
    clock_deadline = $7::timestamp(3), next_due_at = $8::timestamp(3), updated_at = now() AT TIME ZONE 'UTC'
WHERE id = $1::uuid`,
};

const UNDO_PICK: Statement = {
  name: "warroom_undo_pick",
  text: `DELETE FROM picks WHERE session_id = $1::uuid AND overall = $2::integer`,
};

// executed trades move picks between teams: the order slots follow, each to its last owner in the batch
const MOVE_SLOTS: Statement = {
  name: "warroom_move_slots",
  text: `UPDATE order_slots AS o SET team_id = m.team_id
FROM jsonb_to_recordset($2::jsonb) AS m(overall integer, team_id text)
WHERE o.session_id = $1::uuid AND o.overall = m.overall`,
};

const READ_EVENTS: Statement = {
  name: "warroom_read_events",
  text: `SELECT seq, type, payload, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
FROM session_events
WHERE session_id = $1::uuid AND seq > $2::integer AND seq <= $3::integer
ORDER BY seq
LIMIT $4::integer`,
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createEventLogSql(sql: SqlClient) {
  return {
    /**
     * Appends a batch of events and everything they change, in one transaction.
     * The event key (session, seq) and the pick keys (session, overall) and
     * (session, player) make a concurrent second writer fail here, whole.
     */
    async append(
      sessionId: string,
      events: readonly DraftEvent[],
      projection: SessionProjection,
      lane: Lane = {},
    ): Promise<void> {
      const rows = events.map((event) => ({ seq: event.seq, type: event.type, payload: event.payload, at: event.at }));
      const picks = events.flatMap((event) =>
        event.type === "draft_pick"
          ? [
              {
                overall: event.payload.pick.overall,
                team_id: event.payload.pick.team_id,
                player_id: event.payload.pick.player.player_id,
                auto: event.payload.pick.auto,
                made_at: event.payload.pick.made_at,
              },
            ]
          : [],
      );
      const appendParams = [
        sessionId,
        JSON.stringify(rows),
        JSON.stringify(picks),
        projection.status,
        projection.seq,
        projection.currentOverall,
        iso(projection.deadline),
        iso(projection.dueAt),
      ];
      // undos and trades need more statements than the append: then all go in one transaction
      const before = sideEffects(sessionId, events);
      try {
        if (before.length === 0) await sql.query(APPEND, appendParams, lane);
        else await sql.batch([...before, [APPEND, appendParams]], lane);
      } catch (error) {
        if (isUniqueViolation(error)) throw new WriteConflict();
        throw error;
      }
    },

    async readEvents(sessionId: string, after: number, limit: number, upTo = 2_147_483_647): Promise<DraftEvent[]> {
      return sql.query<DraftEvent>(READ_EVENTS, [sessionId, after, upTo, limit]);
    },
  };
}

/** Statements a batch of events needs besides their own rows: undone picks leave, traded slots change hands. */
function sideEffects(sessionId: string, events: readonly DraftEvent[]): BatchStep[] {
  const steps: BatchStep[] = [];
  const owners = new Map<number, string>();
  for (const event of events) {
    if (event.type === "session_update" && event.payload.undone_overall !== undefined)
      steps.push([UNDO_PICK, [sessionId, event.payload.undone_overall]]);
    if (event.type === "trade_executed") {
      const { trade } = event.payload;
      for (const overall of trade.give) owners.set(overall, trade.to_team_id);
      for (const overall of trade.receive) owners.set(overall, trade.from_team_id);
    }
  }
  if (owners.size > 0) {
    const moves = [...owners].map(([overall, team_id]) => ({ overall, team_id }));
    steps.push([MOVE_SLOTS, [sessionId, JSON.stringify(moves)]]);
  }
  return steps;
}
