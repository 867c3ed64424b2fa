// Room chat (PROTOCOL.md v2, "Room chat") over real sockets and the route
// handlers: who may post, what a message looks like on the wire, what is
// refused and that a refusal changes nothing, the per-socket rate, the
// commissioner's clear_chat, and the history a (re)join carries.
import type { Socket } from "socket.io-client";
import { CHAT_HISTORY_LIMIT, CHAT_TEXT_MAX } from "../lib/protocol/chat";
import { apiClient } from "./support/api-client";
import { createDraft } from "./support/fixtures";
import { backendName } from "./support/test-database";
import { nextEvent, request, requestRaw, startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let http: ReturnType<typeof apiClient>;
beforeAll(async () => {
  // the general event rate out of the way: chat's own limit (a burst of 5, then 1 a second) is under test
  server = await startTestServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
  http = apiClient(server.warroom.http);
});
afterAll(async () => {
  await server.close();
});

async function joined(sessionId: string, token?: string) {
  const socket = await server.client();
  const ack = await request(socket, "join_session", { session_id: sessionId, ...(token ? { token } : {}) });
  expect(ack.ok).toBe(true);
  return { socket, ack };
}

async function room() {
  const draft = await createDraft(server.warroom);
  const [admin, chi, was, spectator] = await Promise.all([
    joined(draft.sessionId, draft.adminKey),
    joined(draft.sessionId, draft.seat("CHI")),
    joined(draft.sessionId, draft.seat("WAS")),
    joined(draft.sessionId),
  ]);
  return { draft, admin, chi, was, spectator, everyone: [admin, chi, was, spectator] };
}

/** What a fresh join sees of the chat. */
async function history(sessionId: string) {
  const { socket, ack } = await joined(sessionId);
  socket.disconnect();
  return ack.chat;
}

/** Counts chat events a socket receives from now on. */
function counter(socket: Socket) {
  const seen = { messages: 0, cleared: 0 };
  socket.on("chat_message", () => seen.messages++);
  socket.on("chat_cleared", () => seen.cleared++);
  return seen;
}

/** A round trip on the socket: anything sent to it before has arrived once this answers. */
const drained = async (socket: Socket) => expect((await request(socket, "ping", { client_time: 1 })).ok).toBe(true);

describe(`room chat (${backendName})`, () => {
  test("a seat's message, trimmed, reaches everyone in the room and nobody outside it; the draft's log is untouched", async () => {
    const { draft, chi, everyone } = await room();
    const outsider = await joined((await createDraft(server.warroom)).sessionId);
    const leaked = counter(outsider.socket);
    const seqBefore = (await http.answer("snapshot", { params: { id: draft.sessionId } })).seq;

    const received = everyone.map(({ socket }) => nextEvent(socket, "chat_message"));
    const ack = await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: "  Bears take a QB.\n " });

    expect(ack).toMatchObject({
      ok: true,
      message: { from: { role: "team", team_id: "CHI" }, text: "Bears take a QB." },
    });
    expect(ack.message.message_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(ack.message.at))).toBe(false);
    for (const event of await Promise.all(received))
      expect(event).toEqual({ session_id: draft.sessionId, message: ack.message });
    await drained(outsider.socket);
    expect(leaked.messages).toBe(0);
    // chat is not the draft: no seq, nothing in the event log
    expect((await http.answer("snapshot", { params: { id: draft.sessionId } })).seq).toBe(seqBefore);
    expect(await http.answer("events", { params: { id: draft.sessionId } })).toHaveLength(seqBefore);
  });

  test("the commissioner chats as admin; a claimed seat's name comes with its messages", async () => {
    const draft = await createDraft(server.warroom);
    await http.answer("claimSeat", {
      params: { id: draft.sessionId, team_id: "WAS" },
      body: { display_name: "Jordan" },
    });
    const admin = await joined(draft.sessionId, draft.adminKey);
    const answer = await request(admin.socket, "send_chat", { session_id: draft.sessionId, text: "Welcome all" });
    expect(answer.message.from).toEqual({ role: "admin", display_name: "Commissioner" });

    // the seat chats under the name it was claimed with in the lobby; an unclaimed one under its team alone
    const holder = await server.warroom.chat.send(draft.sessionId, { role: "team", team_id: "WAS" }, "hi");
    expect(holder.from).toEqual({ role: "team", team_id: "WAS", display_name: "Jordan" });
    const chi = await joined(draft.sessionId, draft.seat("CHI"));
    const unnamed = await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: "hello" });
    expect(unnamed.message.from).toEqual({ role: "team", team_id: "CHI" });
  });

  test("chat works in every status: lobby, running, paused and complete", async () => {
    const { draft, admin, chi } = await room();
    const say = (text: string) => request(chi.socket, "send_chat", { session_id: draft.sessionId, text });
    const act = (action: "start" | "pause" | "complete") =>
      request(admin.socket, "admin_action", { session_id: draft.sessionId, action });
    expect((await say("lobby")).ok).toBe(true);
    expect((await act("start")).ok).toBe(true);
    expect((await say("running")).ok).toBe(true);
    expect((await act("pause")).ok).toBe(true);
    expect((await say("paused")).ok).toBe(true);
    expect((await act("complete")).ok).toBe(true);
    expect((await say("complete")).ok).toBe(true);
    expect((await history(draft.sessionId)).map((m) => m.text)).toEqual(["lobby", "running", "paused", "complete"]);
  });

  test("spectators may not post (forbidden), a socket that never joined is unauthorized; nothing is sent or kept", async () => {
    const { draft, chi, spectator } = await room();
    const heard = counter(chi.socket);
    const stranger = await server.client();
    const text = { session_id: draft.sessionId, text: "let me in" };

    const watched = await request(spectator.socket, "send_chat", text);
    expect(watched.error?.code).toBe("forbidden");
    expect(watched.error?.message).toMatch(/spectators/);
    expect((await request(stranger, "send_chat", text)).error?.code).toBe("unauthorized");
    // a seat cannot post into another session it never joined
    const other = await createDraft(server.warroom);
    expect((await request(chi.socket, "send_chat", { ...text, session_id: other.sessionId })).error?.code).toBe(
      "unauthorized",
    );
    await drained(chi.socket);
    expect(heard.messages).toBe(0);
    expect(await history(draft.sessionId)).toEqual([]);
    expect(await history(other.sessionId)).toEqual([]);
  });

  test("bad text is invalid_payload, naming the text; nothing is sent or kept", async () => {
    const { draft, chi, was } = await room();
    const heard = counter(was.socket);
    const session_id = draft.sessionId;
    const refused = [
      { session_id, text: "" },
      { session_id, text: "   \n\t " },
      { session_id, text: "x".repeat(CHAT_TEXT_MAX + 1) },
      { session_id, text: ` ${"y".repeat(CHAT_TEXT_MAX)}z ` },
      { session_id, text: "nul \u0000 inside" },
      { session_id, text: "half a pair \ud83c" },
      { session_id, text: 42 },
      { session_id },
      { session_id, text: "hi", extra: true },
      { session_id: "not-a-uuid", text: "hi" },
    ];
    for (const payload of refused) {
      const answer = await requestRaw(chi.socket, "send_chat", payload);
      expect(answer.ok).toBe(false);
      expect(answer.error?.code).toBe("invalid_payload");
    }
    const empty = await requestRaw(chi.socket, "send_chat", { session_id, text: "  " });
    expect(empty.error?.issues).toEqual([{ path: "text", message: "type a message first" }]);
    const long = await requestRaw(chi.socket, "send_chat", { session_id, text: "x".repeat(CHAT_TEXT_MAX + 1) });
    expect(long.error?.issues?.[0]?.message).toBe(`a message can be at most ${CHAT_TEXT_MAX} characters`);
    await drained(was.socket);
    expect(heard.messages).toBe(0);
    expect(await history(draft.sessionId)).toEqual([]);

    // the limits themselves are allowed: 500 characters after trimming, an emoji counting as one
    const longest = `  ${"🏈".repeat(CHAT_TEXT_MAX)}  `;
    const answer = await request(chi.socket, "send_chat", { session_id, text: longest });
    expect(answer.ok).toBe(true);
    expect(answer.message.text).toBe("🏈".repeat(CHAT_TEXT_MAX));
    expect((await request(chi.socket, "send_chat", { session_id, text: "a" })).ok).toBe(true);
  });

  test("HTML and script text is stored and sent exactly as typed, as text", async () => {
    const { draft, chi, was } = await room();
    const text = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'too'`;
    const received = nextEvent(was.socket, "chat_message");
    expect((await request(chi.socket, "send_chat", { session_id: draft.sessionId, text })).message.text).toBe(text);
    expect((await received).message.text).toBe(text);
    expect((await history(draft.sessionId))[0]?.text).toBe(text);
  });

  test("a socket gets a burst of 5 messages, then rate_limited; other sockets are not affected", async () => {
    const { draft, chi, was, admin } = await room();
    const heard = counter(admin.socket);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        request(chi.socket, "send_chat", { session_id: draft.sessionId, text: `message ${i}` }),
      ),
    );
    expect(burst.filter((a) => a.ok)).toHaveLength(5);
    const limited = burst.filter((a) => !a.ok);
    expect(limited).toHaveLength(3);
    expect(limited.every((a) => a.error?.code === "rate_limited")).toBe(true);
    expect((await request(was.socket, "send_chat", { session_id: draft.sessionId, text: "mine" })).ok).toBe(true);
    await drained(admin.socket);
    expect(heard.messages).toBe(6);
    expect(await history(draft.sessionId)).toHaveLength(6);
  });

  test("the commissioner clears the chat (socket or HTTP): everyone is told, a join then gets none, the draft is untouched", async () => {
    const { draft, admin, chi, was, spectator } = await room();
    await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: "one" });
    await request(was.socket, "send_chat", { session_id: draft.sessionId, text: "two" });
    const seqBefore = (await http.answer("snapshot", { params: { id: draft.sessionId } })).seq;

    // nobody else may clear it
    for (const socket of [chi.socket, spectator.socket])
      expect(
        (await request(socket, "admin_action", { session_id: draft.sessionId, action: "clear_chat" })).error?.code,
      ).toBe("forbidden");
    expect(
      (await http.call("action", { params: { id: draft.sessionId }, body: { action: "clear_chat" } })).status,
    ).toBe(401);
    expect(await history(draft.sessionId)).toHaveLength(2);

    const told = [admin, chi, was, spectator].map(({ socket }) => nextEvent(socket, "chat_cleared"));
    const cleared = await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "clear_chat" });
    expect(cleared.ok).toBe(true);
    expect(cleared.snapshot.seq).toBe(seqBefore);
    for (const event of await Promise.all(told)) expect(event).toEqual({ session_id: draft.sessionId });
    expect(await history(draft.sessionId)).toEqual([]);

    // over HTTP, as the admin console does it
    await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: "three" });
    const again = nextEvent(chi.socket, "chat_cleared");
    const snapshot = await http.answer("action", {
      params: { id: draft.sessionId },
      body: { action: "clear_chat" },
      adminKey: draft.adminKey,
    });
    expect(snapshot).toMatchObject({ session_id: draft.sessionId, seq: seqBefore });
    await again;
    expect(await history(draft.sessionId)).toEqual([]);
    expect(await http.answer("events", { params: { id: draft.sessionId } })).toHaveLength(seqBefore);
  });

  test("a join, and a rejoin with last_seq, carries the latest 100 messages, oldest first", async () => {
    const { draft, chi } = await room();
    const sent = [];
    for (let i = 1; i <= 3; i++)
      sent.push((await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: `n${i}` })).message);
    expect(await history(draft.sessionId)).toEqual(sent);

    // a seat that drops and rejoins with last_seq gets the chat it missed with the events
    chi.socket.disconnect();
    const back = await server.client();
    const rejoin = await request(back, "join_session", {
      session_id: draft.sessionId,
      token: draft.seat("CHI"),
      last_seq: 1,
    });
    expect(rejoin.chat).toEqual(sent);

    for (let i = 4; i <= CHAT_HISTORY_LIMIT + 10; i++)
      await server.warroom.chat.send(draft.sessionId, { role: "team", team_id: "WAS" }, `n${i}`);
    const latest = await history(draft.sessionId);
    expect(latest).toHaveLength(CHAT_HISTORY_LIMIT);
    expect(latest[0]?.text).toBe("n11");
    expect(latest.at(-1)?.text).toBe(`n${CHAT_HISTORY_LIMIT + 10}`);
  });

  test("the console posts as the commissioner over HTTP; a seat token or bad text is refused", async () => {
    const { draft, chi } = await room();
    const received = nextEvent(chi.socket, "chat_message");
    const posted = await http.answer("adminChat", {
      params: { id: draft.sessionId },
      body: { text: " Draft starts in 5 " },
      adminKey: draft.adminKey,
    });
    expect(posted.message).toMatchObject({ from: { role: "admin" }, text: "Draft starts in 5" });
    expect((await received).message).toEqual(posted.message);

    const asSeat = await http.call("adminChat", {
      params: { id: draft.sessionId },
      body: { text: "hi" },
      adminKey: draft.seat("CHI"),
    });
    expect(asSeat.status).toBe(401);
    const blank = await http.call("adminChat", {
      params: { id: draft.sessionId },
      body: { text: "   " },
      adminKey: draft.adminKey,
    });
    expect(blank.status).toBe(400);
    expect(blank.error?.code).toBe("invalid_payload");
    expect(await history(draft.sessionId)).toHaveLength(1);
  });

  // last: it takes the database away from this file's server
  test("a message the database cannot store gets internal, in plain words, and is sent to nobody", async () => {
    const { draft, chi, was } = await room();
    const heard = counter(was.socket);
    await server.warroom.db.close();
    const answer = await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: "lost?" });
    expect(answer).toEqual({
      ok: false,
      error: { code: "internal", message: "the database is unavailable right now; nothing was changed, try again" },
    });
    await drained(was.socket);
    expect(heard.messages).toBe(0);
  });
});
