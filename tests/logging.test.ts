// The real server.ts logs one JSON object per line: a line per HTTP request
// (method, path without its query, status, duration, request id) and per
// socket command (event, session, outcome, duration, request id), and never a
// secret, even one sent in a URL or a payload.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { startServerProcess, type ServerProcess } from "./support/server-process";

jest.setTimeout(120_000);

let node: ServerProcess;
let database: TestDatabase;
const dataDir = mkdtempSync(path.join(tmpdir(), "warroom-logging-"));

beforeAll(async () => {
  database = await createTestDatabase();
  node = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: database.url ?? "", LOG_LEVEL: "info" });
});
afterAll(async () => {
  node.child.kill("SIGKILL");
  await node.exited;
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Line = Record<string, unknown>;
const lines = (): Line[] =>
  node
    .output()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Line);

async function eventually(find: () => Line | undefined, what: string): Promise<Line> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no log line for ${what}:\n${node.output().slice(-2000)}`);
}

test("every line is JSON; requests and commands get a line each with outcome, duration and request id; no secret", async () => {
  const secret = "seat_" + "q".repeat(43);
  const health = await fetch(`${node.url}/healthz`, { headers: { "x-request-id": "probe-42" } });
  expect(health.headers.get("x-request-id")).toBe("probe-42");
  const page = await fetch(`${node.url}/sessions/nope?token=${secret}`);
  const generated = page.headers.get("x-request-id");
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);

  const socket = io(node.url, { transports: ["websocket"], reconnection: false });
  const ack = (await socket.timeout(5000).emitWithAck("join_session", { session_id: "nope", token: secret })) as {
    ok: boolean;
    error?: { code: string };
  };
  socket.disconnect();
  expect(ack.ok).toBe(false);

  expect(
    await eventually(() => lines().find((l) => l.msg === "request" && l.request_id === "probe-42"), "/healthz"),
  ).toMatchObject({ level: "info", method: "GET", path: "/healthz", status: 200, duration_ms: expect.any(Number) });
  expect(
    await eventually(() => lines().find((l) => l.msg === "request" && l.request_id === generated), "the room page"),
  ).toMatchObject({ path: "/sessions/nope", session_id: "nope", status: page.status });
  expect(
    await eventually(() => lines().find((l) => l.msg === "command" && l.event === "join_session"), "join_session"),
  ).toMatchObject({
    level: "info",
    session_id: "nope",
    outcome: ack.error!.code,
    duration_ms: expect.any(Number),
    request_id: expect.any(String),
  });
  expect(lines().length).toBeGreaterThan(3); // parsed, every one of them
  expect(node.output()).not.toContain("q".repeat(43));
});
