// A long-lived server lets go of drafts nobody is using, and reads them back from the log when asked.
import { backendName } from "./support/test-database";
import { createDraft, createFakeClock } from "./support/fixtures";
import { collect, request, startTestServer, type TestServer } from "./support/test-server";
import { ADMIN } from "../lib/server/sessions/access";

let server: TestServer;
const clock = createFakeClock();
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const resident = () => server.warroom.residentSessions();

describe(`sessions in memory (${backendName})`, () => {
  test("an idle finished draft leaves memory and comes back whole; a draft with clock work stays", async () => {
    const finished = await createDraft(server.warroom, { human_teams: [], rounds: 1, cpu_delay_ms: 0 });
    const watcher = await server.client();
    await request(watcher, "join_session", { session_id: finished.sessionId });
    const completed = collect<{ status: string }>(watcher, "session_update", 2);
    await server.warroom.commands.adminAction(finished.sessionId, ADMIN, "start");
    // cpu_delay_ms 0 still goes through the (fake) clock: let its due ticks fire
    for (let i = 0; i < 5; i++) {
      clock.advance(0);
      await settle();
    }
    expect((await completed).map((u) => u.status)).toEqual(["running", "complete"]);
    const before = await server.warroom.reads.snapshot(finished.sessionId);
    expect(before.picks).toHaveLength(32);

    // a CPU seat 30 minutes from its pick: its clock has work, so it must stay loaded
    const waiting = await createDraft(server.warroom, { human_teams: [], rounds: 1, cpu_delay_ms: 30 * 60_000 });
    await server.warroom.commands.adminAction(waiting.sessionId, ADMIN, "start");
    const loadedBefore = resident();

    clock.advance(9 * 60_000);
    await settle();
    expect(resident()).toBe(loadedBefore);

    clock.advance(3 * 60_000);
    await settle();
    expect(resident()).toBe(loadedBefore - 1);

    // read back from its log: the same draft, to the last seq
    expect(await server.warroom.reads.snapshot(finished.sessionId)).toEqual(before);
    expect(resident()).toBe(loadedBefore);

    // the waiting draft's CPU pick still happens on time
    const picked = collect<{ pick: { overall: number } }>(watcher, "draft_pick", 1);
    await request(watcher, "join_session", { session_id: waiting.sessionId });
    clock.advance(18 * 60_000);
    expect((await picked)[0]!.pick.overall).toBe(1);
  });
});
