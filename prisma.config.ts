// The Prisma CLI runs offline only on its bundled WebAssembly engines: the "js"
// engine with a driver adapter (an in-memory PGlite is enough to generate the
// client and to author migrations with `prisma migrate diff`). The server
// applies migrations itself at start-up (lib/server/db/migrate.ts).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  // typed against an older @prisma/driver-adapter-utils; the runtime interface is the same
  adapter: async () => new PrismaPGlite(new PGlite()) as never,
});
