// The embedded database on a thread of its own. PGlite is PostgreSQL compiled
// to WebAssembly and runs synchronously inside each call: on the main thread a
// busy server spent 40% of its time there, and every socket and request waited
// behind it (README, "Performance"). pglite-worker.js holds the database; this
// is the same surface PGlite gives its callers (query, exec, transaction) as
// messages to it, so the Prisma adapter and the hot path's SQL client use it
// unchanged. Statements run one at a time, in arrival order, except that work
// marked `background` (the clock's CPU picks) waits while anything else does.
import "./server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages, type QueryOptions, type Results } from "@electric-sql/pglite";

type Parsers = NonNullable<QueryOptions["parsers"]>;

/** What PGlite's transaction callback gets: the same calls, bound to the transaction. */
export interface ThreadTransaction {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/**
 * Which way to the database. `background` (the clock's CPU picks) goes only
 * when nothing else is waiting (pglite-worker.js); PostgreSQL runs statements
 * side by side on its pool, so there it changes nothing.
 */
export interface Lane {
  background?: boolean;
}

export interface PgliteThread {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions, lane?: Lane): Promise<Results<Row>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(work: (tx: ThreadTransaction) => Promise<T>): Promise<T>;
  /** statements known up front, committed together or rolled back whole, in one message to the thread */
  batch(steps: { sql: string; params: unknown[] }[], lane?: Lane): Promise<void>;
  close(): Promise<void>;
}

interface PlainError {
  message: string;
  databaseError: boolean;
  fields: Record<string, unknown>;
}

type Reply = { id: number; result?: unknown; error?: PlainError } | { ready: boolean; error?: PlainError };

/** An error from the thread as callers know it: a DatabaseError (code, detail, …) when PostgreSQL raised it. */
function revive(error: PlainError): Error {
  const revived = error.databaseError
    ? new messages.DatabaseError(error.message, 0, "error")
    : new Error(error.message);
  return Object.assign(revived, error.fields);
}

/** Applies the caller's parsers to the columns the thread sent back as text (functions cannot cross threads). */
function parseColumns<Row>(result: Results<Row>, parsers: Parsers): Results<Row> {
  const columns = result.fields.flatMap((field, index) => {
    const parse = parsers[field.dataTypeID];
    return parse ? [{ index, name: field.name, typeId: field.dataTypeID, parse }] : [];
  });
  if (columns.length === 0) return result;
  for (const row of result.rows as unknown as Record<string | number, unknown>[]) {
    for (const column of columns) {
      const key = Array.isArray(row) ? column.index : column.name;
      const value = row[key];
      if (typeof value === "string")
        row[key] = (column.parse as (text: string, typeId: number) => unknown)(value, column.typeId);
    }
  }
  return result;
}

/** Starts the database thread on `dataDir` (undefined: in memory); resolves once PostgreSQL is up. */
export async function startPgliteThread(dataDir: string | undefined): Promise<PgliteThread> {
  const worker = new Worker(path.join(__dirname, "pglite-worker.js"), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) return reply.ready ? resolve() : reject(revive(reply.error!));
      const call = pending.get(reply.id);
      if (!call) return;
      pending.delete(reply.id);
      if (reply.error) call.reject(revive(reply.error));
      else call.resolve(reply.result);
    });
    // a thread that dies takes its answers with it: every caller hears why, now and later
    const fail = (error: Error) => {
      stopped ??= new Error(`the embedded database stopped: ${error.message}`);
      reject(stopped);
      for (const call of pending.values()) call.reject(stopped);
      pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`its thread exited with code ${code}`)));
  });

  function call<T>(message: Record<string, unknown>, id = nextId++): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  async function query<Row>(
    tx: number | undefined,
    sql: string,
    params: unknown[] = [],
    options?: QueryOptions,
    lane: Lane = {},
  ): Promise<Results<Row>> {
    const parsers = options?.parsers ?? {};
    const textTypes = Object.keys(parsers).map(Number);
    const result = await call<Results<Row>>({
      op: "query",
      tx,
      sql,
      params,
      rowMode: options?.rowMode,
      textTypes,
      background: lane.background === true,
    });
    return textTypes.length > 0 ? parseColumns(result, parsers) : result;
  }

  await ready;
  return {
    query: (sql, params, options, lane) => query(undefined, sql, params, options, lane),
    exec: (sql) => call({ op: "exec", sql }),
    async transaction(work) {
      const tx = nextId++;
      await call({ op: "begin" }, tx);
      let closed = false;
      const bound: ThreadTransaction = {
        query: (sql, params, options) => query(tx, sql, params, options),
        exec: (sql) => call({ op: "exec", tx, sql }),
        async rollback() {
          await call({ op: "rollback", tx });
          closed = true;
        },
        get closed() {
          return closed;
        },
      };
      let result;
      try {
        result = await work(bound);
      } catch (error) {
        await call({ op: "end", of: tx, commit: false }).catch(() => {});
        throw error;
      }
      await call({ op: "end", of: tx, commit: true });
      return result;
    },
    batch: (steps, lane = {}) => call({ op: "batch", steps, background: lane.background === true }),
    async close() {
      if (!stopped) await call({ op: "close" }).catch(() => {});
      stopped ??= new Error("the embedded database is closed");
      await worker.terminate();
    },
  };
}
