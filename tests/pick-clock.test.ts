// The server's pick clock and CPU seats, driven by a fake clock through real sockets.
import { backendName } from "./support/test-database";
import { createDraft, createFakeClock } from "./support/fixtures";
import { nextEvent, request, startTestServer, type TestServer } from "./support/test-server";
import { ADMIN } from "../lib/server/sessions/access";

let server: TestServer;
const clock = createFakeClock();
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.close();
});

/** every command the clock's timers queued so far has finished */
const settled = () => server.warroom.settled();

describe(`pick clock (${backendName})`, () => {
  test("a timed-out human seat autopicks from its queue, marked auto", async () => {
    const draft = await createDraft(server.warroom, {
      human_teams: ["CHI", "WAS"],
      seconds_per_pick: 30,
      cpu_delay_ms: 2000,
    });
    const seat = await server.client();
    await request(seat, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") });
    const queued = await request(seat, "set_queue", {
      session_id: draft.sessionId,
      team_id: "CHI",
      player_ids: ["BoweBr01", "NabeMa00"],
    });
    expect(queued.queue).toEqual(["BoweBr01", "NabeMa00"]);
    await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    const picked = nextEvent(seat, "draft_pick");
    clock.advance(29_999);
    await settled();
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks).toHaveLength(0);
    clock.advance(1);
    const event = await picked;
    expect(event.pick).toMatchObject({ overall: 1, team_id: "CHI", auto: true, player: { player_id: "BoweBr01" } });
    expect(event.clock).toMatchObject({ seconds_per_pick: 30, deadline: new Date(clock.now() + 30_000).toISOString() });
  });

  test("a CPU seat picks after cpu_delay_ms by board value, not marked auto", async () => {
    // no randomness: the CPU's choice must not depend on the session's random seed
    const draft = await createDraft(server.warroom, {
      human_teams: ["WAS"],
      seconds_per_pick: 30,
      cpu_delay_ms: 2000,
      cpu_randomness: 0,
    });
    const watcher = await server.client();
    await request(watcher, "join_session", { session_id: draft.sessionId });
    await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    const picked = nextEvent(watcher, "draft_pick");
    clock.advance(1999);
    await settled();
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks).toHaveLength(0);
    clock.advance(1);
    const event = await picked;
    expect(event.pick).toMatchObject({ team_id: "CHI", auto: false, player: { name: "Caleb Williams" } });
  });

  test("a paused draft's clock stands still and resumes with what was left", async () => {
    const draft = await createDraft(server.warroom, { human_teams: ["CHI"], seconds_per_pick: 30 });
    await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    clock.advance(10_000);
    const paused = await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "pause");
    expect(paused.clock).toEqual({ seconds_per_pick: 30, deadline: null, remaining_ms: 20_000 });
    clock.advance(120_000);
    await settled();
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks).toHaveLength(0);
    const resumed = await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "resume");
    expect(resumed.clock.remaining_ms).toBe(20_000);
    clock.advance(19_999);
    await settled();
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks).toHaveLength(0);
    clock.advance(1);
    await settled();
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks[0]).toMatchObject({
      team_id: "CHI",
      auto: true,
    });
  });

  test("an untimed human seat waits for ever, and force_autopick picks for it", async () => {
    // no randomness: the autopick asserted below must not depend on the session's random seed
    const draft = await createDraft(server.warroom, { human_teams: ["CHI"], seconds_per_pick: 0, cpu_randomness: 0 });
    await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    clock.advance(3_600_000);
    await settled();
    expect((await server.warroom.reads.snapshot(draft.sessionId)).picks).toHaveLength(0);
    const snapshot = await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "force_autopick");
    expect(snapshot.picks[0]).toMatchObject({ team_id: "CHI", auto: true, player: { name: "Caleb Williams" } });
  });
});
