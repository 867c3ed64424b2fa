// The raw driver under Prisma, for the few statements on the hot path. Prisma
// compiles every query (and a batch's data) in WebAssembly before it reaches
// the driver; for fixed statements that cost is pure overhead (see README
// "Performance"). Both backends get the same two calls.
import "./server-only";
import type { Lane, PgliteThread } from "./pglite-thread";

export type { Lane } from "./pglite-thread";
import type { Pool } from "pg";

/** A fixed statement: `name` lets PostgreSQL prepare it once per connection. */
export interface Statement {
  name: string;
  text: string;
}

export type SqlQuery = <Row>(statement: Statement, params: unknown[]) => Promise<Row[]>;

export interface SqlClient {
  /** one statement, committed on its own */
  query<Row>(statement: Statement, params: unknown[], lane?: Lane): Promise<Row[]>;
  /** statements in one transaction: committed together or rolled back whole */
  transaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
  /**
   * Statements known before the transaction starts, committed together. The
   * hot path's form: the embedded database runs it in one message to its
   * thread, so the transaction never waits on this thread's event loop.
   */
  batch(steps: readonly BatchStep[], lane?: Lane): Promise<void>;
}

export type BatchStep = readonly [Statement, unknown[]];

/** The SQLSTATE of a unique-key violation, on both drivers. */
export const UNIQUE_VIOLATION = "23505";

export function postgresSqlClient(pool: Pool): SqlClient {
  return {
    query: async <Row>(statement: Statement, params: unknown[]) =>
      (await pool.query({ ...statement, values: params })).rows as Row[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(
          async <Row>(statement: Statement, params: unknown[]) =>
            (await client.query({ ...statement, values: params })).rows as Row[],
        );
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async batch(steps) {
      await this.transaction(async (query) => {
        for (const [statement, params] of steps) await query(statement, params);
      });
    },
  };
}

export function pgliteSqlClient(db: PgliteThread): SqlClient {
  return {
    query: async <Row>(statement: Statement, params: unknown[], lane?: Lane) =>
      (await db.query<Row>(statement.text, params, undefined, lane)).rows,
    batch: (steps, lane) =>
      db.batch(
        steps.map(([statement, params]) => ({ sql: statement.text, params })),
        lane,
      ),
    transaction: (work) =>
      db.transaction((tx) =>
        work(
          async <Row>(statement: Statement, params: unknown[]) => (await tx.query<Row>(statement.text, params)).rows,
        ),
      ),
  };
}
