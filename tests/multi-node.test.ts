// Three server processes on one Redis and one PostgreSQL, each reached through
// a TCP proxy so the test can take Redis or PostgreSQL away and bring it back.
// The clients whose boards are checked are the browser's own room client
// (lib/client/room-client.ts over realtime-connection.ts, see
// tests/support/room-client-harness.ts); where a node goes away, each reaches
// the nodes through a route of its own that, like a load balancer, sends its
// reconnect to a node that is still up.
import { io, type Socket } from "socket.io-client";
import { ROUTES } from "../lib/protocol/routes";
import { pickSchema, type Snapshot } from "../lib/protocol/shapes";
import { describeIf } from "./support/describe-if";
import {
  boardOf,
  openRoom,
  outOfOrder,
  seqRange,
  serverEvents,
  serverSnapshot,
  type RoomOptions,
  type WatchedRoom,
} from "./support/room-client-harness";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { request } from "./support/test-server";
import { httpClient } from "./support/api-client";

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const suite = describeIf(enabled, "the multi-node suite needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)");

jest.setTimeout(180_000);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

suite("three nodes on Redis and PostgreSQL", () => {
  let database: TestDatabase;
  let pg: TcpProxy;
  let redis: TcpProxy;
  let nodes: ServerProcess[] = [];
  let adminKey: string;
  const sockets: Socket[] = [];
  const rooms: WatchedRoom[] = [];

  const nodeEnv = () => {
    const url = new URL(database.url!);
    url.port = String(pg.port);
    url.hostname = "127.0.0.1";
    return { DATABASE_URL: url.toString(), REDIS_URL: `redis://127.0.0.1:${redis.port}`, DATA_DIR: "/nonexistent" };
  };
  /** the nodes up now: a client's route reads this on every connect */
  const urls = () => nodes.map((node) => node.url);

  beforeAll(async () => {
    database = await createTestDatabase();
    const pgTarget = new URL(process.env.DATABASE_URL!);
    pg = await startTcpProxy(Number(pgTarget.port || 5432), pgTarget.hostname);
    const redisTarget = new URL(process.env.REDIS_URL!);
    redis = await startTcpProxy(Number(redisTarget.port || 6379), redisTarget.hostname);
    // the first node migrates the fresh database and loads the pools; the others find them there
    nodes.push(await startServerProcess(nodeEnv()));
    nodes.push(...(await Promise.all([startServerProcess(nodeEnv()), startServerProcess(nodeEnv())])));
    ({ admin_key: adminKey } = ROUTES.createLeague.answer.parse(
      await httpClient(nodes[0]!.url).answer("createLeague", { body: { name: "Scale-out" } }),
    ));
  });
  afterAll(async () => {
    for (const room of rooms) room.close();
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) node.child.kill("SIGKILL");
    await Promise.all(nodes.map((node) => node.exited));
    await pg?.close();
    await redis?.close();
    await database?.drop();
  });

  async function session(body: Record<string, unknown>) {
    const created = await httpClient(nodes[0]!.url).answer("createSession", {
      adminKey: adminKey,
      body: {
        name: "multi",
        rounds: 1,
        seconds_per_pick: 0,
        human_teams: [],
        cpu_delay_ms: 0,
        cpu_trade_offers: false,
        cpu_trades: false,
        ...body,
      },
    });
    return ROUTES.createSession.answer.parse(created).session_id;
  }
  async function adminOn(url: string, sessionId: string) {
    const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(socket);
    expect((await request(socket, "join_session", { session_id: sessionId, token: adminKey })).ok).toBe(true);
    return socket;
  }
  const act = (sessionId: string, action: string, url = nodes[0]!.url) =>
    httpClient(url).answer("action", { params: { id: sessionId }, adminKey, body: { action } });
  /** the database's view of the session, through node 0 */
  const snapshotOf = (sessionId: string) => serverSnapshot(nodes[0]!.url, sessionId);
  const eventsOf = (sessionId: string) => serverEvents(nodes[0]!.url, sessionId);
  const healthOf = async (url: string) => (await fetch(`${url}/healthz`)).status;
  /** /healthz's answer, and whether it came within the second the contract promises */
  const healthReport = async (url: string) => {
    const started = Date.now();
    const response = await fetch(`${url}/healthz`);
    return { status: response.status, body: (await response.json()) as unknown, fast: Date.now() - started < 1000 };
  };
  const waitUntil = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `timed out: ${what}\n${nodes.map((node) => `--- ${node.url}\n${node.output().split("\n").slice(-15).join("\n")}`).join("\n")}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return Date.now() - started;
  };
  const room = async (options: RoomOptions) => {
    const opened = await openRoom(options);
    rooms.push(opened);
    return opened;
  };
  /** `perNode` browser room clients per node, client i first on node i mod n, each through its own route */
  const roomsOnEveryNode = async (sessionId: string, perNode: number) => {
    const made: WatchedRoom[] = [];
    for (let i = 0; i < nodes.length * perNode; i++) {
      made.push(await room({ url: urls, session_id: sessionId, first: i % nodes.length }));
      expect(made[i]!.nodes).toEqual([nodes[i % nodes.length]!.url]);
    }
    return made;
  };
  /**
   * Every client reaches the session's seq as the database has it, and after a ping round trip (nothing of its
   * node's still on its way) holds the database's board: same seq, status, picks in order and order; it got
   * there by events applied one seq at a time, and joins that never went back.
   */
  const expectBoardsMatchDatabase = async (sessionId: string, watchers: WatchedRoom[], timeoutMs: number) => {
    const final = await snapshotOf(sessionId);
    const started = Date.now();
    await Promise.all(watchers.map((watcher) => watcher.reached(final.seq, timeoutMs)));
    const ms = Date.now() - started;
    await Promise.all(watchers.map((watcher) => watcher.barrier()));
    for (const watcher of watchers) {
      expect(boardOf(watcher.snapshot()!)).toEqual(boardOf(final));
      expect(outOfOrder(watcher.steps)).toEqual([]);
    }
    return { final, ms };
  };
  /** applied seq `from`+1..N once each, in order, by live events, with no join after the first */
  const expectGapless = (watcher: WatchedRoom, from: number, final: Snapshot) =>
    expect(watcher.steps).toEqual([
      { seq: from, by: "join" },
      ...seqRange(from + 1, final.seq).map((seq) => ({ seq, by: "event" })),
    ]);

  test("every pick reaches every client of the session on every node", async () => {
    const humans = ["CHI", "WAS", "NE", "ARI", "LAC", "NYG", "TEN", "ATL"];
    const sessionId = await session({ rounds: 1, human_teams: humans });
    const watchers = await Promise.all(
      nodes.flatMap((node) => [0, 1, 2].map(() => room({ url: node.url, session_id: sessionId }))),
    );
    const joinedAt = (await snapshotOf(sessionId)).seq;
    const admin = await adminOn(nodes[1]!.url, sessionId);
    await request(admin, "admin_action", { session_id: sessionId, action: "start" });
    const latencies: number[] = [];
    const players = ROUTES.players.answer
      .parse(
        await httpClient(nodes[0]!.url).answer("players", { params: { id: sessionId }, query: { available: "true" } }),
      )
      .map((p) => p.player_id);
    for (let i = 0; i < 8; i++) {
      const snapshot = await serverSnapshot(nodes[2]!.url, sessionId);
      const current = snapshot.current_pick!;
      const sent = performance.now();
      // this pick on each client's board, not any pick (CPU seats pick meanwhile); a lost delivery fails here, naming the client
      const arrivals = watchers.map((watcher, w) =>
        watcher.when(
          `client ${w} (node ${Math.floor(w / 3)}) to apply pick ${current.overall}`,
          (state) =>
            state.snapshot?.picks.some((p) => p.overall === current.overall && p.player.player_id === players[i]) && {
              ms: performance.now() - sent,
            },
          10_000,
        ),
      );
      const ack = await request(admin, "make_pick", {
        session_id: sessionId,
        team_id: current.team_id,
        player_id: players[i]!,
        expected_overall: current.overall,
      });
      expect(ack.ok).toBe(true);
      latencies.push(...(await Promise.all(arrivals)).map((arrival) => arrival.ms));
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `cross-node delivery, 8 picks × 9 browser room clients on 3 nodes: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(latencies).toHaveLength(72);
    // the CPU seats pick up to the next human seat (no clock: the draft then rests), or to the end; every client
    // then holds the database's board, reached one seq at a time
    await waitUntil(
      async () => {
        const { status, current_pick } = await snapshotOf(sessionId);
        return status === "complete" || humans.includes(current_pick?.team_id ?? "");
      },
      "the draft to rest at a human seat",
      30_000,
    );
    const { final } = await expectBoardsMatchDatabase(sessionId, watchers, 10_000);
    for (const watcher of watchers) expectGapless(watcher, joinedAt, final);
  });

  test("50 out of 50 cross-node make_pick races have exactly one winner", async () => {
    const pool = ROUTES.pools.answer
      .parse(await httpClient(nodes[0]!.url).answer("pools"))
      .find((p) => p.pool === "2024")!;
    const sessionId = await session({ rounds: 2, human_teams: pool.teams.map((t) => t.team_id) });
    const a = await adminOn(nodes[1]!.url, sessionId);
    const b = await adminOn(nodes[2]!.url, sessionId);
    await act(sessionId, "start");
    const players = ROUTES.players.answer
      .parse(await httpClient(nodes[0]!.url).answer("players", { params: { id: sessionId } }))
      .map((p) => p.player_id);
    const { order } = await snapshotOf(sessionId);
    let oneWinner = 0;
    for (let trial = 0; trial < 50; trial++) {
      const pick = (socket: Socket, player: string) =>
        request(socket, "make_pick", {
          session_id: sessionId,
          team_id: order[trial]!.team_id,
          player_id: player,
          expected_overall: trial + 1,
        });
      const results = await Promise.all([pick(a, players[trial * 2]!), pick(b, players[trial * 2 + 1]!)]);
      if (results.filter((r) => r.ok).length === 1 && results.find((r) => !r.ok)!.error?.code === "conflict")
        oneWinner++;
    }
    expect(oneWinner).toBe(50);
    const events = await eventsOf(sessionId);
    expect(events.map((e) => e.seq)).toEqual(seqRange(1, 51));
  });

  test("a 257-pick CPU draft completes with seq 1..N gapless and no pick made twice while clocks run on all nodes", async () => {
    const sessionId = await session({ rounds: 7 });
    const watchers = await roomsOnEveryNode(sessionId, 1);
    const started = Date.now();
    await act(sessionId, "start", nodes[2]!.url);
    await waitUntil(async () => (await snapshotOf(sessionId)).status === "complete", "the draft to complete", 60_000);
    console.log(`257-pick CPU draft across 3 nodes: ${Date.now() - started} ms start → complete`);
    const events = await eventsOf(sessionId);
    expect(events.map((e) => e.seq)).toEqual(seqRange(1, events.length));
    const picks = events.filter((e) => e.type === "draft_pick").map((e) => pickSchema.parse(e.payload.pick));
    expect(picks).toHaveLength(257);
    expect(new Set(picks.map((p) => p.overall)).size).toBe(257);
    expect(new Set(picks.map((p) => p.player.player_id)).size).toBe(257);
    const { final } = await expectBoardsMatchDatabase(sessionId, watchers, 10_000);
    expect(final.seq).toBe(events.length);
    // every client joined before the start (seq 0): its room applied every seq, once, in order, live from
    // whichever node, without a resync
    for (const watcher of watchers) expectGapless(watcher, 0, final);
  });

  test("SIGKILL one node mid-draft: its clients reconnect to the others, resync and miss nothing; the draft goes on", async () => {
    const sessionId = await session({ rounds: 2, cpu_delay_ms: 60 });
    const watchers = await roomsOnEveryNode(sessionId, 2);
    await act(sessionId, "start", nodes[1]!.url);
    await waitUntil(async () => (await snapshotOf(sessionId)).seq > 15, "some picks");
    const victim = nodes[2]!;
    victim.child.kill("SIGKILL");
    await victim.exited;
    const killedAt = Date.now();
    nodes = nodes.slice(0, 2);
    try {
      await waitUntil(
        async () => (await snapshotOf(sessionId)).status === "complete",
        "the draft to complete without the dead node",
        60_000,
      );
      const { final, ms } = await expectBoardsMatchDatabase(sessionId, watchers, 10_000);
      // the two clients on the dead node, and only they, reconnected elsewhere and re-joined with last_seq
      const moved = watchers.filter((w) => new Set(w.nodes).size > 1);
      expect(moved).toHaveLength(2);
      for (const watcher of moved) {
        expect(watcher.nodes[0]).toBe(victim.url);
        expect(watcher.nodes.slice(1)).not.toContain(victim.url);
        expect(watcher.joins).toBeGreaterThanOrEqual(2);
      }
      console.log(
        `after SIGKILL of a node: ${moved.length} clients failed over; the draft completed ${Date.now() - killedAt} ms after the kill; all clients at seq ${final.seq} (+${ms} ms)`,
      );
    } finally {
      // replace the dead node for the remaining tests, whatever happened here
      nodes.push(await startServerProcess(nodeEnv()));
    }
  });

  test("restart Redis mid-draft: clients on every node end with the database's board within 5 s of its return", async () => {
    const sessionId = await session({ rounds: 2, cpu_delay_ms: 80 });
    const watchers = await roomsOnEveryNode(sessionId, 1);
    await act(sessionId, "start");
    await waitUntil(async () => (await snapshotOf(sessionId)).seq > 10, "some picks");
    await redis.cut();
    const cutAt = Date.now();
    // away until every node has noticed (and so refuses to commit): what was committed just before went nowhere
    await waitUntil(
      async () => (await Promise.all(urls().map(healthOf))).every((status) => status === 503),
      "every node to notice Redis is gone",
      15_000,
    );
    // health names Redis, not the database, and answers within a second while Redis is away; readiness fails too
    expect(await healthReport(nodes[0]!.url)).toEqual({ status: 503, body: { db: "ok", redis: "down" }, fast: true });
    expect((await fetch(`${nodes[0]!.url}/readyz`)).status).toBe(503);
    await redis.restore();
    const back = Date.now();
    await waitUntil(
      async () => {
        const db = await snapshotOf(sessionId);
        return watchers.every((w) => w.snapshot()?.seq === db.seq);
      },
      "clients to match the database after Redis returned",
      5000,
    );
    const caughtUp = Date.now() - back;
    await waitUntil(async () => (await snapshotOf(sessionId)).status === "complete", "the draft to complete", 60_000);
    await expectBoardsMatchDatabase(sessionId, watchers, 5000);
    console.log(
      `Redis away ${back - cutAt} ms: every client matched the database ${caughtUp} ms after it returned (${watchers.reduce((n, w) => n + w.joins - 1, 0)} re-joins)`,
    );
  });

  test("stop PostgreSQL for a few seconds: commands fail with a clear error, nothing half-written, the draft continues", async () => {
    // CHI is back on the clock at 9: a 5-second clock autopicks for it so the draft runs to the end by itself
    const sessionId = await session({
      rounds: 1,
      human_teams: ["CHI", "WAS", "NE"],
      cpu_delay_ms: 50,
      seconds_per_pick: 5,
    });
    const admin = await adminOn(nodes[0]!.url, sessionId);
    const watchers = await roomsOnEveryNode(sessionId, 1);
    await request(admin, "admin_action", { session_id: sessionId, action: "start" });
    expect(
      (await request(admin, "make_pick", { session_id: sessionId, team_id: "CHI", player_id: "WillCa03" })).ok,
    ).toBe(true);
    await pg.cut();
    const cutAt = Date.now();
    const failed = await request(admin, "make_pick", { session_id: sessionId, team_id: "WAS", player_id: "DaniJa02" });
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatchObject({ code: "internal", message: expect.stringMatching(/database/i) });
    expect(await healthReport(nodes[1]!.url)).toEqual({ status: 503, body: { db: "down", redis: "ok" }, fast: true });
    await waitUntil(
      async () => (await Promise.all(urls().map(healthOf))).every((status) => status === 503),
      "every node to find the database gone",
      15_000,
    );
    await pg.restore();
    const back = Date.now();
    await waitUntil(async () => (await healthOf(nodes[1]!.url)) === 200, "health to recover", 15_000);
    const retried = await request(admin, "make_pick", { session_id: sessionId, team_id: "WAS", player_id: "DaniJa02" });
    expect(retried).toMatchObject({ ok: true, pick: { overall: 2 } });
    expect(
      await request(admin, "make_pick", { session_id: sessionId, team_id: "NE", player_id: "MayeDr00" }),
    ).toMatchObject({ ok: true });
    await waitUntil(async () => (await snapshotOf(sessionId)).status === "complete", "the draft to complete", 60_000);
    const events = await eventsOf(sessionId);
    expect(events.map((e) => e.seq)).toEqual(seqRange(1, events.length));
    await expectBoardsMatchDatabase(sessionId, watchers, 5000);
    console.log(
      `PostgreSQL away ${back - cutAt} ms: commands refused meanwhile; a retry succeeded ${Date.now() - back} ms after it returned; draft completed gapless (${events.length} events), every client on the database's board`,
    );
  });

  test("SIGTERM a node: in-flight picks complete and its clients move to the other nodes", async () => {
    const sessionId = await session({ rounds: 1, human_teams: ["CHI", "WAS", "NE", "ARI"], cpu_delay_ms: 30 });
    const leaving = nodes[2]!;
    const admin = await adminOn(leaving.url, sessionId);
    const watchers = await roomsOnEveryNode(sessionId, 1);
    await act(sessionId, "start");
    const inFlight = request(admin, "make_pick", {
      session_id: sessionId,
      team_id: "CHI",
      player_id: "WillCa03",
      expected_overall: 1,
    });
    leaving.child.kill("SIGTERM");
    const ack = await inFlight;
    expect(await leaving.exited).toBe(0);
    nodes = nodes.slice(0, 2);
    if (ack.ok)
      expect((await snapshotOf(sessionId)).picks.find((p) => p.overall === 1)?.player.player_id).toBe("WillCa03");
    else expect(ack.error?.message).toMatch(/shutting down/);
    await act(sessionId, "complete");
    await expectBoardsMatchDatabase(sessionId, watchers, 10_000);
    const moved = watchers.filter((w) => new Set(w.nodes).size > 1);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.nodes[0]).toBe(leaving.url);
    expect(moved[0]!.joins).toBeGreaterThanOrEqual(2);
    console.log(
      `SIGTERM: the in-flight pick was ${ack.ok ? "completed and persisted" : "refused cleanly"}; node exited 0; its client moved and resynced`,
    );
  });
});
