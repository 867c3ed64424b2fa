// Kill the real server (SIGKILL) mid-draft, start it on the same data: every
// acknowledged pick is there, seq continues, and running clocks resume from
// the stored deadline.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { backendName, createTestDatabase, type TestDatabase } from "./support/test-database";
import { httpJson, startServerProcess, type ServerProcess } from "./support/server-process";
import { connectTestClient, request } from "./support/test-server";

jest.setTimeout(180_000);

let database: TestDatabase;
let dataDir: string;
let server: ServerProcess | null = null;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "warroom-durability-"));
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  if (server) {
    server.child.kill("SIGKILL");
    await server.exited;
  }
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: database.url ?? "" });

const connect = (url: string) => connectTestClient(url, sockets);

test(`after SIGKILL every acknowledged pick survives, seq continues and clocks resume (${backendName})`, async () => {
  server = await startServerProcess(env());
  const { admin_key } = await httpJson(`${server.url}/api/leagues`, { body: { name: "Durable" } });
  // a CPU draft that keeps going on its own, and a human seat whose clock must resume
  const cpu = await httpJson(`${server.url}/api/sessions`, {
    token: admin_key,
    body: { name: "CPU", rounds: 2, seconds_per_pick: 0, human_teams: [], cpu_delay_ms: 150 },
  });
  const timed = await httpJson(`${server.url}/api/sessions`, {
    token: admin_key,
    body: { name: "Timed", rounds: 1, seconds_per_pick: 6, human_teams: ["CHI", "WAS"], cpu_delay_ms: 0 },
  });
  const seatToken = timed.seats.find((s: any) => s.team_id === "CHI").token;

  const seat = await connect(server.url);
  expect((await request(seat, "join_session", { session_id: timed.session_id, token: seatToken })).ok).toBe(true);
  const watcher = await connect(server.url);
  expect((await request(watcher, "join_session", { session_id: cpu.session_id })).ok).toBe(true);
  const seen: { seq: number; overall: number; player: string }[] = [];
  watcher.on("draft_pick", (e: any) =>
    seen.push({ seq: e.seq, overall: e.pick.overall, player: e.pick.player.player_id }),
  );

  await httpJson(`${server.url}/api/sessions/${cpu.session_id}/actions`, {
    token: admin_key,
    body: { action: "start" },
  });
  await httpJson(`${server.url}/api/sessions/${timed.session_id}/actions`, {
    token: admin_key,
    body: { action: "start" },
  });
  const acked = await request(seat, "make_pick", {
    session_id: timed.session_id,
    team_id: "CHI",
    player_id: "WillCa03",
    expected_overall: 1,
  });
  expect(acked.ok).toBe(true);
  // WAS is now on a 6-second clock; note its deadline before the crash
  const before = await httpJson(`${server.url}/api/sessions/${timed.session_id}`);
  const deadline = Date.parse(before.clock.deadline);

  while (seen.length < 8) await new Promise((resolve) => setTimeout(resolve, 20));
  server.child.kill("SIGKILL");
  expect(await server.exited).toBe("SIGKILL");
  const seenBeforeKill = [...seen];
  server = null;

  server = await startServerProcess(env());
  const restarted = Date.now();
  const cpuAfter = await httpJson(`${server.url}/api/sessions/${cpu.session_id}`);
  // every pick any client saw before the crash is there, unchanged
  for (const pick of seenBeforeKill) {
    expect(cpuAfter.picks.find((p: any) => p.overall === pick.overall)?.player.player_id).toBe(pick.player);
  }
  const events = await httpJson(`${server.url}/api/sessions/${cpu.session_id}/events?limit=1000`);
  expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));

  // the CPU draft carries on with the next seq
  const watcher2 = await connect(server.url);
  const join = await request(watcher2, "join_session", {
    session_id: cpu.session_id,
    last_seq: seenBeforeKill.at(-1)!.seq,
  });
  const next = await new Promise<any>((resolve) => watcher2.once("draft_pick", resolve));
  expect(next.seq).toBeGreaterThan(join.snapshot.seq);
  expect(join.missed?.map((e: any) => e.seq)).toEqual(
    Array.from(
      { length: join.snapshot.seq - seenBeforeKill.at(-1)!.seq },
      (_, i) => seenBeforeKill.at(-1)!.seq + 1 + i,
    ),
  );

  // the acknowledged human pick survived, and WAS's clock fires at the stored deadline, not a fresh 6 s
  const timedAfter = await httpJson(`${server.url}/api/sessions/${timed.session_id}`);
  expect(timedAfter.picks[0]).toMatchObject({ overall: 1, team_id: "CHI", player: { player_id: "WillCa03" } });
  // a restart quicker than the clock finds it still running to the stored deadline; a slower one finds
  // the autopick already made at start-up, no earlier than that deadline: either way, not a fresh clock
  if (timedAfter.picks.length === 1) expect(Date.parse(timedAfter.clock.deadline)).toBe(deadline);
  else {
    expect(timedAfter.picks).toHaveLength(2);
    expect(timedAfter.picks[1]).toMatchObject({ overall: 2, team_id: "WAS", auto: true });
    expect(Date.parse(timedAfter.picks[1].made_at)).toBeGreaterThanOrEqual(deadline);
  }
  const spectator = await connect(server.url);
  // listen before joining: the autopick may land between the join's snapshot and a later listener
  const heard = new Promise<any>((resolve) => spectator.once("draft_pick", (event: any) => resolve(event.pick)));
  const joined = await request(spectator, "join_session", { session_id: timed.session_id });
  const autopick = joined.snapshot.picks.length > 1 ? joined.snapshot.picks[1] : await heard;
  expect(autopick).toMatchObject({ overall: 2, team_id: "WAS", auto: true });
  const firedAt = Date.parse(autopick.made_at);
  console.log(
    `[${backendName}] server back ${restarted - (deadline - 6000)} ms after the 6 s clock started; its autopick fired ${firedAt - deadline} ms after the stored deadline`,
  );
  // never before the stored deadline; at it, or as soon as the restarted server resumed its clocks (which it does
  // before it listens) — a fresh 6 s clock would fire seconds later
  expect(firedAt).toBeGreaterThanOrEqual(deadline);
  expect(firedAt).toBeLessThan(Math.max(deadline, restarted) + 1500);
});
