import type { Socket } from "socket.io-client";
import { backendName } from "./support/test-database";
import { nextEvent, request, requestRaw, startTestServer, type TestServer } from "./support/test-server";
import { createDraft } from "./support/fixtures";
import type { ServerPayload } from "../lib/protocol/events";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
});
afterAll(async () => {
  await server.close();
});

async function joined(sessionId: string, token?: string, lastSeq?: number) {
  const socket = await server.client();
  const ack = await request(socket, "join_session", {
    session_id: sessionId,
    ...(token ? { token } : {}),
    ...(lastSeq !== undefined ? { last_seq: lastSeq } : {}),
  });
  expect(ack.ok).toBe(true);
  return { socket, ack };
}

describe(`realtime sessions (${backendName})`, () => {
  test("a pick reaches every client in the session and none outside it", async () => {
    const draft = await createDraft(server.warroom);
    const other = await createDraft(server.warroom);
    const admin = await joined(draft.sessionId, draft.adminKey);
    const seat = await joined(draft.sessionId, draft.seat("CHI"));
    const spectators = await Promise.all([1, 2, 3].map(() => joined(draft.sessionId)));
    const outsider = await joined(other.sessionId);
    let leaked = 0;
    outsider.socket.on("draft_pick", () => leaked++);

    expect(admin.ack.role).toBe("admin");
    expect(seat.ack).toMatchObject({ role: "team", team_id: "CHI" });
    const started = await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    expect(started.ok).toBe(true);

    const receivers = [admin, seat, ...spectators].map(({ socket }) => nextEvent(socket, "draft_pick"));
    const ack = await request(seat.socket, "make_pick", {
      session_id: draft.sessionId,
      team_id: "CHI",
      player_id: "WillCa03",
      expected_overall: 1,
    });
    expect(ack).toMatchObject({
      ok: true,
      pick: { overall: 1, team_id: "CHI", auto: false, player: { name: "Caleb Williams" } },
    });
    for (const event of await Promise.all(receivers)) {
      expect(event).toMatchObject({
        session_id: draft.sessionId,
        seq: 2,
        pick: { overall: 1, player: { player_id: "WillCa03" } },
        next_pick: { overall: 2, team_id: "WAS" },
      });
    }
    // a round trip on the outsider's own connection comes back after anything sent to it before
    expect((await request(outsider.socket, "ping", { client_time: 1 })).ok).toBe(true);
    expect(leaked).toBe(0);
  });

  test("spectators, wrong seats and sockets that never joined cannot pick", async () => {
    const draft = await createDraft(server.warroom);
    const admin = await joined(draft.sessionId, draft.adminKey);
    await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    const spectator = await joined(draft.sessionId);
    const wrongSeat = await joined(draft.sessionId, draft.seat("WAS"));
    const stranger = await server.client();
    const pick = { session_id: draft.sessionId, team_id: "CHI", player_id: "WillCa03" };

    expect((await request(spectator.socket, "make_pick", pick)).error?.code).toBe("forbidden");
    expect((await request(wrongSeat.socket, "make_pick", pick)).error?.code).toBe("forbidden");
    expect((await request(stranger, "make_pick", pick)).error?.code).toBe("unauthorized");
    expect(
      (await request(wrongSeat.socket, "admin_action", { session_id: draft.sessionId, action: "pause" })).error?.code,
    ).toBe("forbidden");
    expect(
      (await request(spectator.socket, "set_queue", { session_id: draft.sessionId, team_id: "CHI", player_ids: [] }))
        .error?.code,
    ).toBe("forbidden");
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks).toHaveLength(0);
  });

  test("joining with an unknown token is unauthorized and with another league's key forbidden", async () => {
    const draft = await createDraft(server.warroom);
    const other = await createDraft(server.warroom);
    const socket = await server.client();
    expect(
      (await request(socket, "join_session", { session_id: draft.sessionId, token: "seat_nope" })).error?.code,
    ).toBe("unauthorized");
    expect(
      (await request(socket, "join_session", { session_id: draft.sessionId, token: other.adminKey })).error?.code,
    ).toBe("forbidden");
    expect(
      (await request(socket, "join_session", { session_id: draft.sessionId, token: other.seat("CHI") })).error?.code,
    ).toBe("forbidden");
    expect(
      (await request(socket, "join_session", { session_id: "6f1c7f1e-7d6a-4c52-9c0e-0d2f4f1b2a11" })).error?.code,
    ).toBe("not_found");
  });

  test("exactly one of two racing make_pick calls for the same expected_overall succeeds, 50 trials out of 50", async () => {
    const everyClub = (await server.warroom.pools.list()).find((p) => p.pool === "2024")!.teams.map((t) => t.team_id);
    const draft = await createDraft(server.warroom, { rounds: 2, human_teams: everyClub });
    const first = await joined(draft.sessionId, draft.adminKey);
    const second = await joined(draft.sessionId, draft.adminKey);
    await request(first.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    const players = (await server.warroom.queries.players(draft.sessionId, { available: true })).map(
      (p) => p.player_id,
    );
    let singleWinners = 0;
    for (let trial = 0; trial < 50; trial++) {
      const slot = (await server.warroom.reads.snapshot(draft.sessionId)).current_pick!;
      const attempt = (socket: Socket, player: string) =>
        request(socket, "make_pick", {
          session_id: draft.sessionId,
          team_id: slot.team_id,
          player_id: player,
          expected_overall: slot.overall,
        });
      const results = await Promise.all([
        attempt(first.socket, players[trial * 2]!),
        attempt(second.socket, players[trial * 2 + 1]!),
      ]);
      const losers = results.filter((r) => !r.ok);
      if (losers.length === 1 && losers[0]!.error?.code === "conflict") singleWinners++;
    }
    expect(singleWinners).toBe(50);
    const snapshot = await server.warroom.reads.snapshot(draft.sessionId);
    expect(snapshot.picks.map((p) => p.overall)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test("a rejoin with last_seq gets exactly the missed events in order", async () => {
    const draft = await createDraft(server.warroom, { human_teams: ["CHI", "WAS", "NE"], cpu_delay_ms: 60_000 });
    const admin = await joined(draft.sessionId, draft.adminKey);
    await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    const late = await joined(draft.sessionId);
    const lastSeq = late.ack.snapshot.seq as number;
    late.socket.disconnect();
    for (const [team, player] of [
      ["CHI", "WillCa03"],
      ["WAS", "DaniJa02"],
      ["NE", "MayeDr00"],
    ] as const) {
      expect(
        (await request(admin.socket, "make_pick", { session_id: draft.sessionId, team_id: team, player_id: player }))
          .ok,
      ).toBe(true);
    }
    await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "pause" });
    const back = await joined(draft.sessionId, undefined, lastSeq);
    expect(back.ack.missed?.map((e) => [e.seq, e.type])).toEqual([
      [2, "draft_pick"],
      [3, "draft_pick"],
      [4, "draft_pick"],
      [5, "session_update"],
    ]);
    expect(back.ack.missed![1]!.payload).toMatchObject({
      seq: 3,
      pick: { team_id: "WAS", player: { name: "Jayden Daniels" } },
    });
    expect(back.ack.snapshot.seq).toBe(5);
    const upToDate = await joined(draft.sessionId, undefined, 5);
    expect(upToDate.ack.missed).toEqual([]);
  });

  test("malformed payloads get invalid_payload and change nothing", async () => {
    const draft = await createDraft(server.warroom);
    const admin = await joined(draft.sessionId, draft.adminKey);
    await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    const before = await server.warroom.reads.snapshot(draft.sessionId);
    const bad: [string, unknown][] = [
      ["make_pick", { session_id: draft.sessionId, team_id: "CHI" }],
      ["make_pick", { session_id: draft.sessionId, team_id: "CHI", player_id: 7 }],
      ["make_pick", { session_id: "not-a-uuid", team_id: "CHI", player_id: "WillCa03" }],
      ["make_pick", { session_id: draft.sessionId, team_id: "CHI", player_id: "WillCa03", extra: true }],
      ["make_pick", "just a string"],
      ["make_pick", null],
      [
        "set_queue",
        { session_id: draft.sessionId, team_id: "CHI", player_ids: Array.from({ length: 51 }, (_, i) => `p${i}`) },
      ],
      ["set_queue", { session_id: draft.sessionId, team_id: "CHI", player_ids: ["x".repeat(1000)] }],
      ["admin_action", { session_id: draft.sessionId, action: "explode" }],
      ["join_session", { session_id: draft.sessionId, last_seq: -1 }],
      ["ping", {}],
    ];
    for (const [event, payload] of bad) {
      const ack = await requestRaw(admin.socket, event, payload);
      expect(ack.ok).toBe(false);
      expect(ack.error?.code).toBe("invalid_payload");
      expect(ack.error?.issues?.length).toBeGreaterThan(0);
    }
    expect(await server.warroom.reads.snapshot(draft.sessionId)).toEqual({ ...before, clock: expect.anything() });
  });

  test("a message over 64 KiB closes that connection and changes nothing", async () => {
    const draft = await createDraft(server.warroom);
    const admin = await joined(draft.sessionId, draft.adminKey);
    await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    const closed = new Promise<string>((resolve) => admin.socket.once("disconnect", resolve));
    admin.socket.emit(
      "make_pick",
      { session_id: draft.sessionId, team_id: "CHI", player_id: "x".repeat(70 * 1024) },
      () => {},
    );
    expect(await closed).toMatch(/transport/);
    expect((await server.warroom.reads.snapshot(draft.sessionId)).seq).toBe(1);
    const probe = await server.client();
    expect((await request(probe, "ping", { client_time: Date.now() })).ok).toBe(true);
  });

  test("an event without an acknowledgement or with an unknown name is ignored", async () => {
    const draft = await createDraft(server.warroom);
    const admin = await joined(draft.sessionId, draft.adminKey);
    admin.socket.emit("admin_action", { session_id: draft.sessionId, action: "start" });
    admin.socket.emit("no_such_event", { anything: 1 }, () => {});
    const ping = await request(admin.socket, "ping", { client_time: 1 });
    expect(ping.ok).toBe(true);
    expect((await server.warroom.reads.snapshot(draft.sessionId)).status).toBe("lobby");
  });

  test("ping answers the server time", async () => {
    const socket = await server.client();
    const before = Date.now();
    const ack = await request(socket, "ping", { client_time: before });
    expect(ack.server_time).toBeGreaterThanOrEqual(before - 5);
    expect(ack.server_time).toBeLessThanOrEqual(Date.now() + 5);
  });

  test("a full 7-round CPU draft of the 2024 pool completes with seq 1..N gapless", async () => {
    const draft = await createDraft(server.warroom, { rounds: 7, human_teams: [], cpu_delay_ms: 0 });
    const admin = await joined(draft.sessionId, draft.adminKey);
    const watcher = await joined(draft.sessionId);
    const seqs: number[] = [];
    watcher.socket.on("draft_pick", (e: ServerPayload<"draft_pick">) => seqs.push(e.seq));
    const done = new Promise<ServerPayload<"session_update">>((resolve) =>
      watcher.socket.on(
        "session_update",
        (e: ServerPayload<"session_update">) => e.status === "complete" && resolve(e),
      ),
    );
    const started = Date.now();
    await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "start" });
    const completed = await done;
    const elapsed = Date.now() - started;
    console.log(`[${backendName}] 257-pick CPU draft at cpu_delay_ms 0: ${elapsed} ms start → complete`);
    const events = await server.warroom.queries.events(draft.sessionId, 0, 1000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 259 }, (_, i) => i + 1));
    expect(events.filter((e) => e.type === "draft_pick")).toHaveLength(257);
    expect(seqs).toEqual(Array.from({ length: 257 }, (_, i) => i + 2));
    expect(completed.seq).toBe(259);
    const snapshot = await server.warroom.reads.snapshot(draft.sessionId);
    expect(new Set(snapshot.picks.map((p) => p.player.player_id)).size).toBe(257);
  });
});
