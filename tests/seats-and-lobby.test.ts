// Who may take a seat, who holds it, and how the lobby tells live rooms from
// abandoned ones: over the route handlers and real sockets, on the test's
// database, with a clock the test moves (a day passes in a line).
import { createDraft, createFakeClock } from "./support/fixtures";
import { apiClient } from "./support/api-client";
import { backendName } from "./support/test-database";
import { request, startTestServer, type TestServer } from "./support/test-server";
import { until } from "./support/until";

const clock = createFakeClock(Date.now());
let server: TestServer;
let http: ReturnType<typeof apiClient>;
beforeAll(async () => {
  server = await startTestServer({ clock });
  http = apiClient(server.warroom.http);
});
afterAll(async () => {
  await server.close();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const lobbyEntry = async (sessionId: string) =>
  (await http.answer("lobby")).find((entry) => entry.session_id === sessionId);

describe(`seat access and the lobby (${backendName})`, () => {
  test("an invitation-only session offers no seat in the lobby, refuses a claim, and its link still works", async () => {
    const { sessionId, seat } = await createDraft(server.warroom, { seat_access: "invite" });
    expect(await lobbyEntry(sessionId)).toMatchObject({ seat_access: "invite", open_seats: [] });

    const claim = await http.call("claimSeat", {
      params: { id: sessionId, team_id: "CHI" },
      body: { display_name: "Gatecrasher" },
    });
    expect([claim.status, claim.error?.code]).toEqual([403, "forbidden"]);
    expect(claim.error?.message).toMatch(/invitation only/);

    // the commissioner's link was not replaced: it still seats CHI
    const socket = await server.client();
    const joined = await request(socket, "join_session", { session_id: sessionId, token: seat("CHI")! });
    expect([joined.ok, joined.role, joined.team_id]).toEqual([true, "team", "CHI"]);
  });

  test("an open session's seat goes to the first claim; a seat whose link was used is no longer offered", async () => {
    const { sessionId, seat } = await createDraft(server.warroom);
    expect(await lobbyEntry(sessionId)).toMatchObject({ seat_access: "open", open_seats: ["CHI", "WAS"] });
    const claimed = await http.call("claimSeat", {
      params: { id: sessionId, team_id: "WAS" },
      body: { display_name: "Jordan" },
    });
    expect(claimed.status).toBe(200);
    const socket = await server.client();
    expect((await request(socket, "join_session", { session_id: sessionId, token: seat("CHI")! })).ok).toBe(true);
    expect((await lobbyEntry(sessionId))?.open_seats).toEqual([]);
  });

  test("the commissioner sees who holds each seat; nobody else may", async () => {
    const { sessionId, seat, adminKey } = await createDraft(server.warroom, { human_teams: ["CHI", "WAS", "NE"] });
    await http.answer("claimSeat", { params: { id: sessionId, team_id: "WAS" }, body: { display_name: "Jordan" } });
    const socket = await server.client();
    await request(socket, "join_session", { session_id: sessionId, token: seat("CHI")! });

    const seats = await http.answer("seats", { params: { id: sessionId }, adminKey });
    expect(seats).toHaveLength(32);
    const human = seats.filter((s) => s.controller === "human");
    expect(human.map(({ team_id, claimed, display_name }) => ({ team_id, claimed, display_name }))).toEqual([
      { team_id: "CHI", claimed: true, display_name: null },
      { team_id: "NE", claimed: false, display_name: null },
      { team_id: "WAS", claimed: true, display_name: "Jordan" },
    ]);
    expect(seats.find((s) => s.team_id === "KC")).toMatchObject({ controller: "cpu", claimed: false });

    expect((await http.call("seats", { params: { id: sessionId } })).status).toBe(401);
    const other = await server.warroom.access.createLeague("Another league");
    expect((await http.call("seats", { params: { id: sessionId }, adminKey: other.admin_key })).error?.code).toBe(
      "forbidden",
    );
  });

  test("a session nobody has been in for a day is listed inactive until someone joins; a finished one never is", async () => {
    const idle = await createDraft(server.warroom);
    const finished = await createDraft(server.warroom, { human_teams: [] });
    await http.answer("action", {
      params: { id: finished.sessionId },
      body: { action: "complete" },
      adminKey: finished.adminKey,
    });
    expect(await lobbyEntry(idle.sessionId)).toMatchObject({ inactive: false });

    clock.advance(DAY_MS - 60_000);
    expect(await lobbyEntry(idle.sessionId)).toMatchObject({ inactive: false });
    clock.advance(2 * 60_000);
    expect(await lobbyEntry(idle.sessionId)).toMatchObject({ inactive: true });
    expect(await lobbyEntry(finished.sessionId)).toMatchObject({ status: "complete", inactive: false });

    // a seat comes back: its presence marks the room as in use again
    const socket = await server.client();
    await request(socket, "join_session", { session_id: idle.sessionId, token: idle.seat("CHI")! });
    clock.advance(1); // presence goes out on the (fake) clock
    const entry = await until("the room to be live again", async () => {
      const current = await lobbyEntry(idle.sessionId);
      return current && !current.inactive && current;
    });
    expect(Date.parse(entry.last_active_at)).toBe(clock.now());
  });
});
