// When the database fails under a command, the client gets `internal` (details
// stay in the server log), nothing is broadcast, and the server stays up.
import { createDraft } from "./support/fixtures";
import { backendName } from "./support/test-database";
import { request, startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

test(`a command whose write fails gets internal, broadcasts nothing, and the server keeps answering (${backendName})`, async () => {
  const draft = await createDraft(server.warroom, { human_teams: ["CHI"], cpu_delay_ms: 60_000 });
  const admin = await server.client();
  await request(admin, "join_session", { session_id: draft.sessionId, token: draft.adminKey });
  await request(admin, "admin_action", { session_id: draft.sessionId, action: "start" });
  let broadcasts = 0;
  admin.on("draft_pick", () => broadcasts++);

  await server.warroom.db.close();
  const ack = await request(admin, "make_pick", { session_id: draft.sessionId, team_id: "CHI", player_id: "WillCa03" });
  expect(ack).toEqual({
    ok: false,
    error: { code: "internal", message: "the database is unavailable right now; nothing was changed, try again" },
  });
  expect(await server.warroom.health()).toEqual({ db: "down", redis: "off" });
  // a round trip on the admin's connection comes back after anything broadcast to it before
  expect((await request(admin, "ping", { client_time: 1 })).ok).toBe(true);
  expect(broadcasts).toBe(0);
});
