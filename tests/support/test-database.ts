// A fresh database for each test file: in-memory PGlite by default, or a new
// PostgreSQL database (dropped afterwards) when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type OpenDatabase } from "../../lib/server/db/open-database";

export const usingPostgres = Boolean(process.env.DATABASE_URL);
export const backendName = usingPostgres ? "postgresql" : "pglite";

export interface TestDatabase {
  /** a URL for another process to open the same database (postgres), or the DATA_DIR (pglite on disk) */
  url?: string;
  open(): Promise<OpenDatabase>;
  drop(): Promise<void>;
}

export async function createTestDatabase(dataDir = "memory://"): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    return { open: () => openDatabase({ dataDir }), drop: async () => {} };
  }
  const name = `warroom_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openDatabase({ dataDir, databaseUrl: url.toString() }),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
