// Kill the real server (SIGKILL) mid-draft, start it on the same data and port:
// every acknowledged pick is there, seq continues, running clocks resume from
// the stored deadline, and the browser's own room clients (room-client.ts over
// realtime-connection.ts, see tests/support/room-client-harness.ts) reconnect by
// themselves and end on the server's board.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { ROUTES } from "../lib/protocol/routes";
import type { DraftPick, Snapshot } from "../lib/protocol/shapes";
import {
  boardOf,
  openRoom,
  outOfOrder,
  seqRange,
  serverEvents,
  serverSnapshot,
  type WatchedRoom,
} from "./support/room-client-harness";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { backendName, createTestDatabase, type TestDatabase } from "./support/test-database";
import { connectTestClient, request } from "./support/test-server";
import { until } from "./support/until";
import { httpClient } from "./support/api-client";

jest.setTimeout(180_000);

let database: TestDatabase;
let dataDir: string;
let server: ServerProcess | null = null;
const sockets: Socket[] = [];
const rooms: WatchedRoom[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "warroom-durability-"));
});
afterAll(async () => {
  for (const room of rooms) room.close();
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
const room = async (url: string, session_id: string, token?: string) => {
  const opened = await openRoom({ url, session_id, ...(token ? { token } : {}) });
  rooms.push(opened);
  return opened;
};
const act = (url: string, sessionId: string, token: string, action: string) =>
  httpClient(url).answer("action", { params: { id: sessionId }, adminKey: token, body: { action } });

/**
 * After a ping round trip (nothing of the server's still on its way) the room holds the server's board (same seq,
 * status, picks in order and order), reached by events applied one seq at a time and joins that never went back;
 * a room that lived through the crash re-joined by itself, one opened after it joined once.
 */
async function expectOnServerBoard(watched: WatchedRoom, final: Snapshot, { reconnected }: { reconnected: boolean }) {
  await watched.reached(final.seq, 30_000);
  await watched.barrier();
  expect(boardOf(watched.snapshot()!)).toEqual(boardOf(final));
  expect(outOfOrder(watched.steps)).toEqual([]);
  if (reconnected) expect(watched.joins).toBeGreaterThanOrEqual(2);
  else expect(watched.joins).toBe(1);
}

test(`after SIGKILL every acknowledged pick survives, seq continues and clocks resume (${backendName})`, async () => {
  server = await startServerProcess(env());
  const { url, port } = server;
  const { admin_key } = ROUTES.createLeague.answer.parse(
    await httpClient(url).answer("createLeague", { body: { name: "Durable" } }),
  );
  // a CPU draft that keeps going on its own, and a human seat whose clock must resume
  const cpu = ROUTES.createSession.answer.parse(
    await httpClient(url).answer("createSession", {
      adminKey: admin_key,
      body: { name: "CPU", rounds: 2, seconds_per_pick: 0, human_teams: [], cpu_delay_ms: 150 },
    }),
  );
  const timed = ROUTES.createSession.answer.parse(
    await httpClient(url).answer("createSession", {
      adminKey: admin_key,
      body: { name: "Timed", rounds: 1, seconds_per_pick: 6, human_teams: ["CHI", "WAS"], cpu_delay_ms: 0 },
    }),
  );
  const seatToken = timed.seats.find((s) => s.team_id === "CHI")!.token;

  // the browser's room clients: CHI's seat in the timed draft, a spectator of the CPU draft
  const seat = await room(url, timed.session_id, seatToken);
  expect(seat.state()).toMatchObject({ role: "team", team_id: "CHI" });
  const watcher = await room(url, cpu.session_id);
  const watcherJoinedAt = watcher.snapshot()!.seq;

  await act(url, cpu.session_id, admin_key, "start");
  await act(url, timed.session_id, admin_key, "start");
  // CHI picks from its own room, as the page's Draft button does (expected_overall from the room's board)
  await seat.when("CHI on the clock in its room", (s) => s.snapshot?.current_pick?.team_id === "CHI");
  const acked = await seat.room.makePick("WillCa03");
  expect(acked.ok).toBe(true);
  // WAS is now on a 6-second clock; note its deadline before the crash
  const before = await serverSnapshot(url, timed.session_id);
  const deadline = Date.parse(before.clock.deadline!);
  await seat.when("the seat's room to show its pick", (s) => s.snapshot?.picks.some((p) => p.overall === 1));

  await watcher.when("8 CPU picks on the watcher's board", (s) => (s.snapshot?.picks.length ?? 0) >= 8);
  server.child.kill("SIGKILL");
  expect(await server.exited).toBe("SIGKILL");
  // what the watcher's board held when its server died: every one of these was broadcast, so persisted first
  const seenBeforeKill: DraftPick[] = [...watcher.snapshot()!.picks];
  const seqBeforeKill = watcher.snapshot()!.seq;
  // up to the crash the room applied every seq once, in order, from its join
  expect(watcher.seqs).toEqual(seqRange(watcherJoinedAt, seqBeforeKill));
  server = null;

  // the same address, as a browser would find it again
  server = await startServerProcess(env(), port);
  const restarted = Date.now();
  // if the restart outlasted the quick attempts, the page is still trying, every 10 to 30 s; "Retry now" saves the wait
  for (const watched of [seat, watcher]) {
    const status = watched.connection.status;
    if (status.state === "reconnecting" && status.slow) watched.connection.reconnectNow();
  }
  const cpuAfter = await serverSnapshot(url, cpu.session_id);
  // every pick any client saw before the crash is there, unchanged
  expect(cpuAfter.seq).toBeGreaterThanOrEqual(seqBeforeKill);
  for (const pick of seenBeforeKill) {
    expect(cpuAfter.picks.find((p) => p.overall === pick.overall)?.player.player_id).toBe(pick.player.player_id);
  }
  const events = await serverEvents(url, cpu.session_id);
  expect(events.map((e) => e.seq)).toEqual(seqRange(1, events.length));

  // the CPU draft carries on with the next seq; a join with last_seq gets exactly the events after it (a raw
  // socket: the room client does not show its join's missed list)
  const watcher2 = await connect(url);
  const join = await request(watcher2, "join_session", { session_id: cpu.session_id, last_seq: seqBeforeKill });
  expect(join.ok).toBe(true);
  const next = await new Promise<{ seq: number }>((resolve) => watcher2.once("draft_pick", resolve));
  expect(next.seq).toBeGreaterThan(join.snapshot.seq);
  expect(join.missed?.map((e) => e.seq)).toEqual(seqRange(seqBeforeKill + 1, join.snapshot.seq));

  // the acknowledged human pick survived, and WAS's clock fires at the stored deadline, not a fresh 6 s
  const timedAfter = await serverSnapshot(url, timed.session_id);
  expect(timedAfter.picks[0]).toMatchObject({ overall: 1, team_id: "CHI", player: { player_id: "WillCa03" } });
  // a restart quicker than the clock finds it still running to the stored deadline; a slower one finds
  // the autopick already made at start-up, no earlier than that deadline: either way, not a fresh clock
  if (timedAfter.picks.length === 1) expect(Date.parse(timedAfter.clock.deadline!)).toBe(deadline);
  else {
    expect(timedAfter.picks[1]).toMatchObject({ overall: 2, team_id: "WAS", auto: true });
    expect(Date.parse(timedAfter.picks[1]!.made_at)).toBeGreaterThanOrEqual(deadline);
    // the CPU seats after WAS have no delay, so the same start-up tick made their picks, none of them an
    // autopick, up to the next human seat's, whose clock now runs
    const nextHuman = timedAfter.order.find((slot) => slot.overall > 2 && ["CHI", "WAS"].includes(slot.team_id))!;
    expect(timedAfter.picks.map((p) => p.overall)).toEqual(seqRange(1, nextHuman.overall - 1));
    expect(timedAfter.picks.slice(2).filter((p) => p.auto)).toEqual([]);
    expect(timedAfter.current_pick).toEqual(nextHuman);
  }
  // a spectator's room opened after the restart: the autopick is in its join's snapshot (a slow restart) or
  // arrives live (a quick one); the room client takes both
  const spectator = await room(url, timed.session_id);
  const autopick = await spectator.when(
    "WAS's autopick in a new spectator's room",
    (s) => s.snapshot?.picks[1],
    15_000,
  );
  expect(autopick).toMatchObject({ overall: 2, team_id: "WAS", auto: true });
  const firedAt = Date.parse(autopick.made_at);
  console.log(
    `[${backendName}] server back ${restarted - (deadline - 6000)} ms after the 6 s clock started; its autopick fired ${firedAt - deadline} ms after the stored deadline; ${timedAfter.picks.length === 1 ? "the clock was still running" : "the autopick was made at start-up"}`,
  );
  // never before the stored deadline; at it, or as soon as the restarted server resumed its clocks (which it does
  // before it listens) — a fresh 6 s clock would fire seconds later
  expect(firedAt).toBeGreaterThanOrEqual(deadline);
  expect(firedAt).toBeLessThan(Math.max(deadline, restarted) + 1500);

  // both drafts run to the end (CHI's clock at 9 autopicks for it); the rooms that lived through the crash
  // reconnected on their own and hold the server's boards, the seat still CHI's, and so does the spectator's
  const [cpuFinal, timedFinal] = await Promise.all(
    [cpu.session_id, timed.session_id].map((sessionId) =>
      until(
        `draft ${sessionId} to complete`,
        async () => {
          const snapshot = await serverSnapshot(url, sessionId);
          return snapshot.status === "complete" && snapshot;
        },
        { timeoutMs: 60_000 },
      ),
    ),
  );
  await expectOnServerBoard(watcher, cpuFinal!, { reconnected: true });
  await expectOnServerBoard(seat, timedFinal!, { reconnected: true });
  expect(seat.state()).toMatchObject({ role: "team", team_id: "CHI", join_error: null });
  await expectOnServerBoard(spectator, timedFinal!, { reconnected: false });
});
