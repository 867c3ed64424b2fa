// One Prisma client over a driver adapter: PostgreSQL when DATABASE_URL is set,
// otherwise an embedded PGlite database in DATA_DIR (no setup at all).
import "./server-only";
import { mkdirSync } from "node:fs";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrations, type SqlRunner } from "./migrate";
import { PrismaClient } from "./generated/client";
import { acquireDataDirLock } from "./data-dir-lock";
import { startPgliteThread, type PgliteThread } from "./pglite-thread";
import { pgliteSqlClient, postgresSqlClient, type SqlClient } from "./sql-client";

export type Database = PrismaClient;

/** An arbitrary, fixed advisory-lock key for "applying WarRoom migrations". */
const MIGRATION_LOCK = 720_2026;

export interface OpenDatabase {
  prisma: Database;
  /** the same database through its driver, for the hot path's fixed statements */
  sql: SqlClient;
  kind: "pglite" | "postgres";
  /** a cheap round trip, for /healthz */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** apply pending migrations before returning (the server does; tests of migrations may not) */
  migrate?: boolean;
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.migrate ?? true)
    : openPglite(options.dataDir, options.migrate ?? true);
}

async function openPostgres(url: string, migrate: boolean): Promise<OpenDatabase> {
  const { Pool } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // an idle client that loses its server must not crash the process; the next query reports it
  pool.on("error", () => {});
  if (migrate) {
    // several nodes may start at once: one migrates while the others wait on this lock
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      const runner: SqlRunner = {
        exec: async (sql) => void (await client.query(sql)),
        query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
      };
      await applyMigrations(runner);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    sql: postgresSqlClient(pool),
    kind: "postgres",
    ping: async () => void (await pool.query("SELECT 1")),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, migrate: boolean): Promise<OpenDatabase> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const inMemory = dataDir === "memory://";
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    // PGlite is one process's database: a second server on the same directory would corrupt it
    releaseLock = acquireDataDirLock(dataDir);
  }
  let client: PgliteThread;
  try {
    // on its own thread: its WebAssembly runs beside the event loop, not in it (pglite-thread.ts)
    client = await startPgliteThread(inMemory ? undefined : `${dataDir}/pglite`);
  } catch (error) {
    releaseLock();
    throw error;
  }
  try {
    if (migrate) {
      await applyMigrations({
        exec: async (sql) => void (await client.exec(sql)),
        query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
      });
    }
  } catch (error) {
    await client.close();
    releaseLock();
    throw error;
  }
  // the adapter asks for PGlite's query/exec/transaction, which the thread gives; its types are an older driver-adapter-utils
  const adapter = new PrismaPGlite(client as never) as unknown as SqlDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    sql: pgliteSqlClient(client),
    kind: "pglite",
    ping: async () => void (await client.query("SELECT 1")),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      releaseLock();
    },
  };
}
