import type { ChatMessage } from "@/lib/protocol/chat";
import type { Snapshot } from "@/lib/protocol/shapes";
import { addMessages, CHAT_KEPT } from "./chat-log";
import { createRoomClient, type RoomSocket } from "./room-client";

const SESSION = "5b0f7a2e-8c1d-4c57-9a51-0e6a3c1d2b3f";
const snapshot: Snapshot = {
  session_id: SESSION,
  name: "Room",
  status: "lobby",
  seq: 1,
  rounds: 1,
  current_pick: null,
  clock: { seconds_per_pick: 0, deadline: null, remaining_ms: null },
  teams: [],
  order: [],
  picks: [],
  trades: [],
};
const message = (n: number, text = `m${n}`): ChatMessage => ({
  message_id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  from: { role: "team", team_id: "CHI" },
  text,
  at: "2026-04-24T00:00:00.000Z",
});

type Ack = (err: unknown, response: unknown) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

class FakeSocket implements RoomSocket {
  connected = true;
  emits: { event: string; payload: Record<string, unknown>; ack: Ack }[] = [];
  private listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
  }
  timeout() {
    return {
      emit: (event: string, payload: unknown, ack: Ack) =>
        void this.emits.push({ event, payload: payload as Record<string, unknown>, ack }),
    };
  }
  fire(event: string, payload: unknown) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  }
  last(event: string) {
    return this.emits.filter((e) => e.event === event).at(-1)!;
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const socket = new FakeSocket();
  let connect: () => void = () => undefined;
  const connection = { socket, onConnect: (listener: () => void) => ((connect = listener), () => undefined) };
  const client = createRoomClient({ connection, session_id: SESSION, token: "seat" });
  return { socket, client, reconnect: () => connect() };
}

describe("room chat in the browser", () => {
  it("starts from the join's history and adds each chat_message once, even the sender's own", async () => {
    const { socket, client } = setup();
    socket.last("join_session").ack(null, { ok: true, role: "team", team_id: "CHI", snapshot, chat: [message(1)] });
    await flush();
    expect(client.getState().chat).toEqual([message(1)]);

    const sending = client.sendChat("m2");
    expect(socket.last("send_chat").payload).toEqual({ session_id: SESSION, text: "m2" });
    socket.fire("chat_message", { session_id: SESSION, message: message(2) });
    socket.last("send_chat").ack(null, { ok: true, message: message(2) });
    expect((await sending).ok).toBe(true);
    // another session's message is not this room's
    socket.fire("chat_message", { session_id: "other", message: message(3) });
    socket.fire("chat_message", { session_id: SESSION, message: { ...message(4), text: 42 } });
    expect(client.getState().chat.map((m) => m.text)).toEqual(["m1", "m2"]);
  });

  it("keeps what arrived while a rejoin was in flight, and a clear empties the list", async () => {
    const { socket, client, reconnect } = setup();
    socket.last("join_session").ack(null, { ok: true, role: "spectator", snapshot, chat: [message(1)] });
    await flush();
    reconnect();
    socket.fire("chat_message", { session_id: SESSION, message: message(3) });
    // the history was read before message 3 was stored
    socket.last("join_session").ack(null, { ok: true, role: "spectator", snapshot, chat: [message(1), message(2)] });
    await flush();
    expect(client.getState().chat.map((m) => m.text)).toEqual(["m1", "m2", "m3"]);

    socket.fire("chat_cleared", { session_id: SESSION });
    expect(client.getState().chat).toEqual([]);
  });

  it("a join from a server without chat, or with an odd message, still joins", async () => {
    const { socket, client } = setup();
    socket.last("join_session").ack(null, { ok: true, role: "spectator", snapshot, chat: [message(1), { nope: 1 }] });
    await flush();
    expect(client.getState()).toMatchObject({ role: "spectator", chat: [message(1)] });
  });

  it("a refused message changes nothing and says why", async () => {
    const { socket, client } = setup();
    socket.last("join_session").ack(null, { ok: true, role: "spectator", snapshot, chat: [] });
    await flush();
    const sending = client.sendChat("hi");
    socket.last("send_chat").ack(null, { ok: false, error: { code: "forbidden", message: "spectators can read" } });
    // what the person reads is the server's sentence, in plain words (lib/client/error-words)
    expect(await sending).toEqual({ ok: false, error: { code: "forbidden", message: "Spectators can read." } });
    expect(client.getState().chat).toEqual([]);
  });

  it("keeps the newest messages only, in order", () => {
    const many = Array.from({ length: CHAT_KEPT + 5 }, (_, i) => message(i));
    const kept = addMessages([], many);
    expect(kept).toHaveLength(CHAT_KEPT);
    expect(kept[0]).toEqual(message(5));
    expect(addMessages(kept, [message(7)])).toBe(kept);
  });
});
