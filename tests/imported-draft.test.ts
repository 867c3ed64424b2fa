// A whole CPU draft on an imported board, through the real server: imported
// over HTTP, created and started over HTTP, watched over a socket, then read
// back as results, export and replay log, exactly as a bundled class's.
import { readFileSync } from "node:fs";
import path from "node:path";
import { httpClient } from "./support/api-client";
import { backendName } from "./support/test-database";
import { request } from "./support/test-server";
import { startSecurityServer, type SecurityServer } from "./security/support/security-server";

jest.setTimeout(180_000);

const BOARD = readFileSync(path.join(__dirname, "../examples/board.csv"), "utf8");

let server: SecurityServer;
let http: ReturnType<typeof httpClient>;
let adminKey: string;
let poolId: string;
beforeAll(async () => {
  server = await startSecurityServer();
  http = httpClient(server.url);
  adminKey = (await http.answer("createLeague", { body: { name: "Big board league" } })).admin_key;
  const imported = await http.answer("importPool", { body: { name: "Example board", prospects_csv: BOARD }, adminKey });
  if (!("pool" in imported)) throw new Error("the example board did not import");
  poolId = imported.pool;
});
afterAll(async () => {
  await server.close();
});

/** A 7-round all-CPU draft on the imported board, started over HTTP and watched to the end over a socket. */
async function fullDraft(seed: number) {
  const { session_id } = await http.answer("createSession", {
    body: {
      name: `Imported mock ${seed}`,
      pool: poolId,
      rounds: 7,
      seconds_per_pick: 0,
      human_teams: [],
      cpu_delay_ms: 0,
      seed,
    },
    adminKey,
  });
  const watcher = await server.client();
  expect((await request(watcher, "join_session", { session_id })).ok).toBe(true);
  const done = new Promise<void>((resolve) =>
    watcher.on("session_update", (e: { status: string }) => e.status === "complete" && resolve()),
  );
  const started = Date.now();
  await http.answer("action", { params: { id: session_id }, body: { action: "start" }, adminKey });
  await done;
  const ms = Date.now() - started;
  watcher.disconnect();
  return { sessionId: session_id, snapshot: await http.answer("snapshot", { params: { id: session_id } }), ms };
}

describe(`a full CPU draft on an imported 420-prospect board (${backendName})`, () => {
  test("257 picks, none repeated, 163 left; the first round follows the top of the board; the same seed drafts the same", async () => {
    const first = await fullDraft(11);
    const picks = first.snapshot.picks;
    expect(first.snapshot.status).toBe("complete");
    expect(picks).toHaveLength(257);
    expect(new Set(picks.map((p) => p.player.player_id)).size).toBe(257);
    const available = await http.answer("players", { params: { id: first.sessionId }, query: { available: "true" } });
    expect(available).toHaveLength(163);

    const firstRound = picks.filter((p) => p.round === 1);
    const topTaken = firstRound.filter((p) => p.player.rank <= 32).length;
    const meanRank = firstRound.reduce((sum, p) => sum + p.player.rank, 0) / firstRound.length;
    const latest = Math.max(...firstRound.map((p) => p.player.rank));
    // the late rounds still choose: what the last round took, against what was left
    const lastRound = picks.filter((p) => p.round === 7);
    const lastRanks = lastRound.map((p) => p.player.rank).sort((a, b) => a - b);
    console.log(
      `[${backendName}] imported board, seed 11: ${first.ms} ms start → complete; round 1 took ${topTaken} of the board's top 32 ` +
        `(mean rank ${meanRank.toFixed(1)}, latest ${latest}); round 7 took ranks ${lastRanks[0]}–${lastRanks.at(-1)} with ${420 - 257 + lastRound.length} left to choose from at its start`,
    );
    expect(topTaken).toBeGreaterThanOrEqual(24);
    expect(latest).toBeLessThanOrEqual(64);

    const again = await fullDraft(11);
    expect(again.snapshot.picks.map((p) => p.player.player_id)).toEqual(picks.map((p) => p.player.player_id));
    const other = await fullDraft(12);
    expect(other.snapshot.picks.map((p) => p.player.player_id)).not.toEqual(picks.map((p) => p.player.player_id));
  });

  test("a session on an imported class replays, exports and shows results like a bundled one", async () => {
    const { sessionId, snapshot } = await fullDraft(5);
    expect(snapshot.pool).toBe(poolId);
    const events = await http.answer("events", { params: { id: sessionId }, query: { limit: "1000" } });
    expect(events.filter((e) => e.type === "draft_pick")).toHaveLength(257);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    const results = await http.answer("results", { params: { id: sessionId } });
    expect(results.teams).toHaveLength(32);
    // needs are by position on an imported class, and the results say who filled them
    const chicago = results.teams.find((t) => t.team_id === "CHI")!;
    expect(chicago.needs[0]).toMatchObject({ category: "QB", weight: 1 });
    expect(chicago.needs.some((need) => need.filled_by !== null)).toBe(true);
    const csv = await http.file("exportDraft", { params: { id: sessionId }, query: { format: "csv" } });
    expect(csv.split("\n").filter((line) => /^\d+,\d+,\d+,/.test(line))).toHaveLength(257);
    const exported = await http.file("exportDraft", { params: { id: sessionId }, query: { format: "json" } });
    const json = JSON.parse(exported) as { picks: unknown[] };
    expect(json.picks).toHaveLength(257);
  });
});
