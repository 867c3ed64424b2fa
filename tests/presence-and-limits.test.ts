import { createDraft } from "./support/fixtures";
import { until } from "./support/until";
import { backendName } from "./support/test-database";
import { nextEvent, request, startTestServer, type TestServer } from "./support/test-server";
import { ADMIN } from "../lib/server/sessions/access";
import type { ServerPayload } from "../lib/protocol/events";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { burst: 10, perSecond: 5 } });
});
afterAll(async () => {
  await server.close();
});

describe(`presence and rate limits (${backendName})`, () => {
  test("presence tells who is connected, coalesced to one message per second", async () => {
    const draft = await createDraft(server.warroom);
    const watcher = await server.client();
    const first = nextEvent(watcher, "presence");
    await request(watcher, "join_session", { session_id: draft.sessionId });
    expect(await first).toMatchObject({ session_id: draft.sessionId, spectators: 1 });

    const burst: ServerPayload<"presence">[] = [];
    watcher.on("presence", (event) => burst.push(event));
    const seat = await server.client();
    await request(seat, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") });
    const crowd = await Promise.all(Array.from({ length: 20 }, () => server.client()));
    await Promise.all(crowd.map((socket) => request(socket, "join_session", { session_id: draft.sessionId })));
    // 21 joins inside one second: a single coalesced message carries the end state
    await until("the coalesced presence message", () => burst.length > 0);
    expect(burst).toHaveLength(1);
    expect(burst[0]!.spectators).toBe(21);
    expect(burst[0]!.teams.find((t) => t.team_id === "CHI")).toEqual({ team_id: "CHI", connected: true });
    expect(burst[0]!.teams.find((t) => t.team_id === "WAS")).toEqual({ team_id: "WAS", connected: false });
    expect(burst[0]!.teams).toHaveLength(32);

    // the next message is the seat leaving: a second message for the joins would have come first
    seat.disconnect();
    const afterLeave = await nextEvent(watcher, "presence");
    expect(afterLeave.teams.find((t) => t.team_id === "CHI")?.connected).toBe(false);
    expect(burst).toHaveLength(2);
  });

  test("leave_session takes the socket out of the room", async () => {
    const draft = await createDraft(server.warroom);
    const socket = await server.client();
    await request(socket, "join_session", { session_id: draft.sessionId });
    expect((await request(socket, "leave_session", { session_id: draft.sessionId })).ok).toBe(true);
    let received = 0;
    socket.on("session_update", () => received++);
    await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    // the start was broadcast before the action returned; a round trip on this socket comes back after it
    expect((await request(socket, "ping", { client_time: 1 })).ok).toBe(true);
    expect(received).toBe(0);
    expect((await request(socket, "leave_session", { session_id: draft.sessionId })).error?.code).toBe("unauthorized");
  });

  test("a socket over its event rate gets rate_limited, and recovers after a pause", async () => {
    const socket = await server.client();
    const answers = await Promise.all(Array.from({ length: 25 }, () => request(socket, "ping", { client_time: 1 })));
    const limited = answers.filter((a) => !a.ok);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((a) => a.error?.code === "rate_limited")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await request(socket, "ping", { client_time: 1 })).ok).toBe(true);
    // another socket is not affected by this one's limit
    const other = await server.client();
    expect((await request(other, "ping", { client_time: 1 })).ok).toBe(true);
  });
});
