// A long-lived server lets go of drafts nobody is using, and reads them back from the log when asked.
import { backendName } from "./support/test-database";
import { createDraft, createFakeClock } from "./support/fixtures";
import { collect, nextEvent, request, startTestServer, type TestServer } from "./support/test-server";
import { ADMIN } from "../lib/server/sessions/access";
import { until } from "./support/until";

let server: TestServer;
const clock = createFakeClock();
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.close();
});

/** every command the clock's timers queued so far (ticks, evictions) has finished */
const settled = () => server.warroom.settled();
const resident = () => server.warroom.residentSessions();

describe(`sessions in memory (${backendName})`, () => {
  test("an idle finished draft leaves memory and comes back whole; a draft with clock work stays", async () => {
    const finished = await createDraft(server.warroom, { human_teams: [], rounds: 1, cpu_delay_ms: 0 });
    const watcher = await server.client();
    await request(watcher, "join_session", { session_id: finished.sessionId });
    const completed = collect(watcher, "session_update", 2);
    await server.warroom.commands.adminAction(finished.sessionId, ADMIN, "start");
    // cpu_delay_ms 0 still goes through the (fake) clock: fire its due ticks until the draft is done
    await until("the CPU draft to complete", async () => {
      clock.advance(0);
      await settled();
      return (await server.warroom.reads.snapshot(finished.sessionId)).status === "complete";
    });
    expect((await completed).map((u) => u.status)).toEqual(["running", "complete"]);
    const before = await server.warroom.reads.snapshot(finished.sessionId);
    expect(before.picks).toHaveLength(32);

    // a CPU seat 30 minutes from its pick: its clock has work, so it must stay loaded
    const waiting = await createDraft(server.warroom, { human_teams: [], rounds: 1, cpu_delay_ms: 30 * 60_000 });
    await server.warroom.commands.adminAction(waiting.sessionId, ADMIN, "start");
    const loadedBefore = resident();

    clock.advance(9 * 60_000);
    await settled();
    expect(resident()).toBe(loadedBefore);

    clock.advance(3 * 60_000);
    await settled();
    expect(resident()).toBe(loadedBefore - 1);

    // read back from its log: the same draft, to the last seq
    expect(await server.warroom.reads.snapshot(finished.sessionId)).toEqual(before);
    expect(resident()).toBe(loadedBefore);

    // the waiting draft's CPU pick still happens on time
    const picked = nextEvent(watcher, "draft_pick");
    await request(watcher, "join_session", { session_id: waiting.sessionId });
    clock.advance(18 * 60_000);
    expect((await picked)!.pick.overall).toBe(1);
  });
});
