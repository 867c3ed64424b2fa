// Several nodes starting at the same moment on a fresh PostgreSQL database:
// one migrates while the others wait, and the bundled pools and real drafts are
// loaded once, whoever gets there first.
import { createTestDatabase, usingPostgres } from "./support/test-database";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { describeIf } from "./support/describe-if";
import { httpClient } from "./support/api-client";

const suite = describeIf(usingPostgres, "concurrent node start-up needs PostgreSQL (set DATABASE_URL)");

suite("nodes starting together", () => {
  test("three nodes start at once on a fresh database and see one copy of everything", async () => {
    const database = await createTestDatabase();
    const env = { DATABASE_URL: database.url!, REDIS_URL: process.env.REDIS_URL ?? "", DATA_DIR: "/nonexistent" };
    const started = await Promise.allSettled([
      startServerProcess(env),
      startServerProcess(env),
      startServerProcess(env),
    ]);
    const nodes = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    try {
      expect(started.map((result) => (result.status === "rejected" ? String(result.reason) : "ok"))).toEqual([
        "ok",
        "ok",
        "ok",
      ]);
      for (const node of nodes)
        expect((await httpClient(node.url).answer("pools")).map((p: { pool: string }) => p.pool)).toEqual([
          "2021",
          "2022",
          "2023",
          "2024",
        ]);
      const lobby = await httpClient(nodes[0]!.url).answer("lobby");
      expect(lobby.filter((s: { name: string }) => s.name.startsWith("The real ")).length).toBe(4);
    } finally {
      for (const node of nodes) node.child.kill("SIGKILL");
      await Promise.all(nodes.map((node: ServerProcess) => node.exited));
      await database.drop();
    }
  }, 180_000);
});
