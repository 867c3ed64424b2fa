// Times every hot-path statement into warroom_db_query_duration_seconds, and
// each transaction whole (statement="transaction": waiting for a connection
// or a lock included): a slow database shows as a shifted histogram before it
// shows as slow picks.
import "../db/server-only";
import type { Lane, SqlClient, Statement } from "../db/sql-client";
import type { Metrics } from "./metrics";

export function timedSql(sql: SqlClient, metrics: Metrics): SqlClient {
  const time =
    (query: SqlClient["query"]): SqlClient["query"] =>
    async <Row>(statement: Statement, params: unknown[], lane?: Lane) => {
      const stop = metrics.dbQueryDuration.startTimer({ statement: statement.name });
      try {
        return await query<Row>(statement, params, lane);
      } catch (error) {
        metrics.dbQueryErrors.inc({ statement: statement.name });
        throw error;
      } finally {
        stop();
      }
    };
  /** a transaction, timed whole */
  async function transaction<T>(run: () => Promise<T>): Promise<T> {
    const stop = metrics.dbQueryDuration.startTimer({ statement: "transaction" });
    try {
      return await run();
    } catch (error) {
      metrics.dbQueryErrors.inc({ statement: "transaction" });
      throw error;
    } finally {
      stop();
    }
  }
  return {
    query: time(sql.query),
    transaction: (work) => transaction(() => sql.transaction((query) => work(time(query)))),
    // its statements run together on the database's side: timed as one transaction
    batch: (steps, lane) => transaction(() => sql.batch(steps, lane)),
  };
}
