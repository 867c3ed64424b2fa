// Three server processes on one Redis and one PostgreSQL, each reached through
// a TCP proxy so the test can take Redis or PostgreSQL away and bring it back.
import { io, type Socket } from "socket.io-client";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { httpJson, startServerProcess, type ServerProcess } from "./support/server-process";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { trackingClient, type TrackingClient } from "./support/tracking-client";
import { request } from "./support/test-server";
import { describeIf } from "./support/describe-if";

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const suite = describeIf(enabled, "the multi-node suite needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)");

jest.setTimeout(180_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

suite("three nodes on Redis and PostgreSQL", () => {
  let database: TestDatabase;
  let pg: TcpProxy;
  let redis: TcpProxy;
  let nodes: ServerProcess[] = [];
  let adminKey: string;
  const sockets: Socket[] = [];
  const clients: TrackingClient[] = [];

  const nodeEnv = () => {
    const url = new URL(database.url!);
    url.port = String(pg.port);
    url.hostname = "127.0.0.1";
    return { DATABASE_URL: url.toString(), REDIS_URL: `redis://127.0.0.1:${redis.port}`, DATA_DIR: "/nonexistent" };
  };
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
    ({ admin_key: adminKey } = await httpJson(`${nodes[0]!.url}/api/leagues`, { body: { name: "Scale-out" } }));
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) node.child.kill("SIGKILL");
    await Promise.all(nodes.map((node) => node.exited));
    await pg?.close();
    await redis?.close();
    await database?.drop();
  });

  async function session(body: Record<string, unknown>) {
    const created = await httpJson(`${nodes[0]!.url}/api/sessions`, {
      token: adminKey,
      body: {
        name: "multi",
        rounds: 1,
        seconds_per_pick: 0,
        human_teams: [],
        cpu_delay_ms: 0,
        cpu_trade_offers: false,
        ...body,
      },
    });
    return created.session_id as string;
  }
  async function adminOn(url: string, sessionId: string) {
    const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(socket);
    expect((await request(socket, "join_session", { session_id: sessionId, token: adminKey })).ok).toBe(true);
    return socket;
  }
  const act = (sessionId: string, action: string, url = nodes[0]!.url) =>
    httpJson(`${url}/api/sessions/${sessionId}/actions`, { token: adminKey, body: { action } });
  const dbBoard = async (sessionId: string) => {
    const snapshot = await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}`);
    return {
      seq: snapshot.seq as number,
      status: snapshot.status as string,
      board: new Map<number, string>(snapshot.picks.map((p: any) => [p.overall, p.player.player_id])),
    };
  };
  const waitUntil = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `timed out: ${what}\n${nodes.map((node) => `--- ${node.url}\n${node.output().split("\n").slice(-15).join("\n")}`).join("\n")}`,
        );
      }
      await sleep(25);
    }
    return Date.now() - started;
  };
  const trackOnEveryNode = async (sessionId: string, perNode: number) => {
    const made: TrackingClient[] = [];
    for (let i = 0; i < nodes.length * perNode; i++)
      made.push(await trackingClient(urls(), sessionId, i % nodes.length));
    clients.push(...made);
    return made;
  };

  test("every pick reaches every client of the session on every node", async () => {
    const sessionId = await session({
      rounds: 1,
      human_teams: ["CHI", "WAS", "NE", "ARI", "LAC", "NYG", "TEN", "ATL"],
    });
    const watchers = await Promise.all(
      nodes.flatMap((node) =>
        [0, 1, 2].map(async () => {
          const socket = io(node.url, { transports: ["websocket"], reconnection: false, forceNew: true });
          sockets.push(socket);
          await request(socket, "join_session", { session_id: sessionId });
          return socket;
        }),
      ),
    );
    const admin = await adminOn(nodes[1]!.url, sessionId);
    await request(admin, "admin_action", { session_id: sessionId, action: "start" });
    const latencies: number[] = [];
    const players = (await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}/players?available=true`)).map(
      (p: any) => p.player_id,
    );
    for (let i = 0; i < 8; i++) {
      const snapshot = await httpJson(`${nodes[2]!.url}/api/sessions/${sessionId}`);
      const sent = performance.now();
      const overall = snapshot.current_pick.overall;
      // this pick's event, not any pick (CPU seats pick meanwhile); a lost delivery fails here, naming the client
      const arrivals = watchers.map(
        (socket, w) =>
          new Promise<number>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`client ${w} (node ${Math.floor(w / 3)}) never got pick ${overall}`)),
              10_000,
            );
            const listener = (event: any) => {
              if (event?.pick?.overall !== overall) return;
              clearTimeout(timer);
              socket.off("draft_pick", listener);
              resolve(performance.now() - sent);
            };
            socket.on("draft_pick", listener);
          }),
      );
      const ack = await request(admin, "make_pick", {
        session_id: sessionId,
        team_id: snapshot.current_pick.team_id,
        player_id: players[i],
        expected_overall: snapshot.current_pick.overall,
      });
      expect(ack.ok).toBe(true);
      latencies.push(...(await Promise.all(arrivals)));
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `cross-node delivery, 8 picks × 9 clients on 3 nodes: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(latencies).toHaveLength(72);
  });

  test("50 out of 50 cross-node make_pick races have exactly one winner", async () => {
    const sessionId = await session({
      rounds: 2,
      human_teams: (await httpJson(`${nodes[0]!.url}/api/pools`))
        .find((p: any) => p.pool === "2024")
        .teams.map((t: any) => t.team_id),
    });
    const a = await adminOn(nodes[1]!.url, sessionId);
    const b = await adminOn(nodes[2]!.url, sessionId);
    await act(sessionId, "start");
    const players = (await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}/players`)).map((p: any) => p.player_id);
    const order = (await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}`)).order;
    let oneWinner = 0;
    for (let trial = 0; trial < 50; trial++) {
      const pick = (socket: Socket, player: string) =>
        request(socket, "make_pick", {
          session_id: sessionId,
          team_id: order[trial].team_id,
          player_id: player,
          expected_overall: trial + 1,
        });
      const results = await Promise.all([pick(a, players[trial * 2]), pick(b, players[trial * 2 + 1])]);
      if (results.filter((r) => r.ok).length === 1 && results.find((r) => !r.ok)!.error?.code === "conflict")
        oneWinner++;
    }
    expect(oneWinner).toBe(50);
    const events = await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}/events?limit=1000`);
    expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  test("a 257-pick CPU draft completes with seq 1..N gapless and no pick made twice while clocks run on all nodes", async () => {
    const sessionId = await session({ rounds: 7 });
    const watchers = await trackOnEveryNode(sessionId, 1);
    const started = Date.now();
    await act(sessionId, "start", nodes[2]!.url);
    await waitUntil(async () => (await dbBoard(sessionId)).status === "complete", "the draft to complete", 60_000);
    console.log(`257-pick CPU draft across 3 nodes: ${Date.now() - started} ms start → complete`);
    const events = await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}/events?limit=1000`);
    expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    const picks = events.filter((e: any) => e.type === "draft_pick").map((e: any) => e.payload.pick);
    expect(picks).toHaveLength(257);
    expect(new Set(picks.map((p: any) => p.overall)).size).toBe(257);
    expect(new Set(picks.map((p: any) => p.player.player_id)).size).toBe(257);
    await waitUntil(() => watchers.every((w) => w.lastSeq() === events.length), "every client to see the end", 10_000);
    // every client joined before the start: each applied every seq, once, in order, from whichever node
    for (const watcher of watchers)
      expect(watcher.applied).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
  });

  test("SIGKILL one node mid-draft: its clients reconnect to the others, resync and miss nothing; the draft goes on", async () => {
    const sessionId = await session({ rounds: 2, cpu_delay_ms: 60 });
    const watchers = await trackOnEveryNode(sessionId, 2);
    await act(sessionId, "start", nodes[1]!.url);
    await waitUntil(async () => (await dbBoard(sessionId)).seq > 15, "some picks");
    const victim = nodes[2]!;
    victim.child.kill("SIGKILL");
    await victim.exited;
    const killedAt = Date.now();
    nodes = nodes.slice(0, 2);
    await waitUntil(
      async () => (await dbBoard(sessionId)).status === "complete",
      "the draft to complete without the dead node",
      60_000,
    );
    const final = await dbBoard(sessionId);
    const resynced = await waitUntil(
      () => watchers.every((w) => w.lastSeq() === final.seq),
      "every client, moved ones included, to reach the final seq",
      10_000,
    );
    for (const watcher of watchers) expect(watcher.board).toEqual(final.board);
    const moved = watchers.filter((w) => w.failovers > 0);
    expect(moved.length).toBe(2);
    console.log(
      `after SIGKILL of a node: ${moved.length} clients failed over; the draft completed ${Date.now() - killedAt} ms after the kill; all clients at seq ${final.seq} (+${resynced} ms)`,
    );
    // replace the dead node for the remaining tests
    nodes.push(await startServerProcess(nodeEnv()));
  });

  test("restart Redis mid-draft: clients on every node end with the database's board within 5 s of its return", async () => {
    const sessionId = await session({ rounds: 2, cpu_delay_ms: 80 });
    const watchers = await trackOnEveryNode(sessionId, 1);
    await act(sessionId, "start");
    await waitUntil(async () => (await dbBoard(sessionId)).seq > 10, "some picks");
    await redis.cut();
    await sleep(1500);
    await redis.restore();
    const back = Date.now();
    await waitUntil(
      async () => {
        const db = await dbBoard(sessionId);
        return watchers.every((w) => w.lastSeq() === db.seq);
      },
      "clients to match the database after Redis returned",
      5000,
    );
    const caughtUp = Date.now() - back;
    await waitUntil(async () => (await dbBoard(sessionId)).status === "complete", "the draft to complete", 60_000);
    const final = await dbBoard(sessionId);
    await waitUntil(() => watchers.every((w) => w.lastSeq() === final.seq), "clients to see the end", 5000);
    for (const watcher of watchers) expect(watcher.board).toEqual(final.board);
    console.log(
      `Redis away 1.5 s: every client matched the database ${caughtUp} ms after it returned (${watchers.reduce((n, w) => n + w.resyncs, 0)} resyncs)`,
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
    const watchers = await trackOnEveryNode(sessionId, 1);
    await request(admin, "admin_action", { session_id: sessionId, action: "start" });
    expect(
      (await request(admin, "make_pick", { session_id: sessionId, team_id: "CHI", player_id: "WillCa03" })).ok,
    ).toBe(true);
    await pg.cut();
    const failed = await request(admin, "make_pick", { session_id: sessionId, team_id: "WAS", player_id: "DaniJa02" });
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatchObject({ code: "internal", message: expect.stringMatching(/database/i) });
    const health = await fetch(`${nodes[1]!.url}/healthz`);
    expect(health.status).toBe(503);
    await sleep(2000);
    await pg.restore();
    const back = Date.now();
    await waitUntil(async () => (await fetch(`${nodes[1]!.url}/healthz`)).status === 200, "health to recover", 15_000);
    const retried = await request(admin, "make_pick", { session_id: sessionId, team_id: "WAS", player_id: "DaniJa02" });
    expect(retried).toMatchObject({ ok: true, pick: { overall: 2 } });
    expect(
      await request(admin, "make_pick", { session_id: sessionId, team_id: "NE", player_id: "MayeDr00" }),
    ).toMatchObject({ ok: true });
    await waitUntil(async () => (await dbBoard(sessionId)).status === "complete", "the draft to complete", 60_000);
    const events = await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}/events?limit=1000`);
    expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    const final = await dbBoard(sessionId);
    await waitUntil(() => watchers.every((w) => w.lastSeq() === final.seq), "clients to see the end", 5000);
    console.log(
      `PostgreSQL away 2 s: commands refused meanwhile; a retry succeeded ${Date.now() - back} ms after it returned; draft completed gapless (${events.length} events)`,
    );
  });

  test("SIGTERM a node: in-flight picks complete and its clients move to the other nodes", async () => {
    const sessionId = await session({ rounds: 1, human_teams: ["CHI", "WAS", "NE", "ARI"], cpu_delay_ms: 30 });
    const leaving = nodes[2]!;
    const admin = await adminOn(leaving.url, sessionId);
    const watchers = await trackOnEveryNode(sessionId, 1);
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
    if (ack.ok) expect((await dbBoard(sessionId)).board.get(1)).toBe("WillCa03");
    else expect(ack.error?.message).toMatch(/shutting down/);
    await httpJson(`${nodes[0]!.url}/api/sessions/${sessionId}/actions`, {
      token: adminKey,
      body: { action: "complete" },
    });
    const final = await dbBoard(sessionId);
    await waitUntil(
      () => watchers.every((w) => w.lastSeq() === final.seq),
      "every client, moved ones included, to see the end",
      10_000,
    );
    expect(watchers.filter((w) => w.failovers > 0)).toHaveLength(1);
    console.log(
      `SIGTERM: the in-flight pick was ${ack.ok ? "completed and persisted" : "refused cleanly"}; node exited 0; its client moved and resynced`,
    );
  });
});
