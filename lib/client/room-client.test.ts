import type { Clock, DraftPick, Slot, Snapshot } from "@/lib/protocol/shapes";
import { createRoomClient, type RoomSocket } from "./room-client";

const SESSION = "5b0f7a2e-8c1d-4c57-9a51-0e6a3c1d2b3f";
const slot = (overall: number, team_id: string): Slot => ({
  overall,
  round: 1,
  pick_in_round: overall,
  team_id,
  original_team_id: team_id,
});
const clock: Clock = { seconds_per_pick: 0, deadline: null, remaining_ms: null };
const pick = (overall: number, team_id: string, player_id: string): DraftPick => ({
  ...slot(overall, team_id),
  player: { player_id, name: player_id, position: "WR", rank: overall },
  auto: false,
  made_at: "2026-04-24T00:00:00.000Z",
});
const snapshot = (seq: number, picks: DraftPick[] = []): Snapshot => ({
  session_id: SESSION,
  name: "Room",
  status: "running",
  seq,
  rounds: 1,
  current_pick: slot(picks.length + 1, ["CHI", "WAS", "NE"][picks.length] ?? "NE"),
  clock,
  teams: [],
  order: [slot(1, "CHI"), slot(2, "WAS"), slot(3, "NE")],
  picks,
  trades: [],
});
const pickEvent = (seq: number, p: DraftPick) => ({ session_id: SESSION, seq, pick: p, next_pick: null, clock });

type Ack = (err: unknown, response: unknown) => void;

// `any[]`, as socket.io-client types listeners (RoomSocket's shape); payloads are parsed before use
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** Records every emit; the test answers acks by hand and fires server events. */
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
  joins() {
    return this.emits.filter((e) => e.event === "join_session");
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(token?: string) {
  const socket = new FakeSocket();
  let connect: () => void = () => undefined;
  const connection = { socket, onConnect: (listener: () => void) => ((connect = listener), () => undefined) };
  const client = createRoomClient({ connection, session_id: SESSION, ...(token ? { token } : {}) });
  return { socket, client, reconnect: () => connect() };
}

describe("room client", () => {
  it("joins at once with its token and adopts the ack's role and snapshot", async () => {
    const { socket, client } = setup("seat-token");
    expect(socket.joins()[0]?.payload).toEqual({ session_id: SESSION, token: "seat-token" });
    socket.joins()[0]!.ack(null, { ok: true, role: "team", team_id: "CHI", snapshot: snapshot(2) });
    await flush();
    expect(client.getState()).toMatchObject({ role: "team", team_id: "CHI", joining: false, snapshot: { seq: 2 } });
  });

  it("re-joins with last_seq after a reconnect and applies what it missed", async () => {
    const { socket, client, reconnect } = setup();
    socket.joins()[0]!.ack(null, { ok: true, role: "spectator", snapshot: snapshot(2) });
    await flush();
    reconnect();
    expect(socket.joins()[1]?.payload).toEqual({ session_id: SESSION, last_seq: 2 });
    const missed = [
      { seq: 3, type: "draft_pick", payload: pickEvent(3, pick(1, "CHI", "a")), at: "2026-04-24T00:00:00Z" },
    ];
    socket.joins()[1]!.ack(null, { ok: true, role: "spectator", snapshot: snapshot(2), missed });
    await flush();
    expect(client.getState().snapshot?.picks.map((p) => p.player.player_id)).toEqual(["a"]);
  });

  it("holds events that arrive during a join and applies them after the ack", async () => {
    const { socket, client } = setup();
    socket.fire("draft_pick", pickEvent(3, pick(1, "CHI", "a")));
    socket.joins()[0]!.ack(null, { ok: true, role: "spectator", snapshot: snapshot(2) });
    await flush();
    expect(client.getState().snapshot?.seq).toBe(3);
  });

  it("re-joins at once when a live event skips a seq", async () => {
    const { socket, client } = setup();
    socket.joins()[0]!.ack(null, { ok: true, role: "spectator", snapshot: snapshot(2) });
    await flush();
    socket.fire("draft_pick", pickEvent(4, pick(2, "WAS", "b")));
    expect(socket.joins()[1]?.payload).toEqual({ session_id: SESSION, last_seq: 2 });
    expect(client.getState().snapshot?.seq).toBe(2);
  });

  it("drops an event that does not match its schema", async () => {
    const { socket, client } = setup();
    socket.joins()[0]!.ack(null, { ok: true, role: "spectator", snapshot: snapshot(2) });
    await flush();
    socket.fire("draft_pick", { session_id: SESSION, seq: 3, pick: "garbage" });
    expect(client.getState().snapshot?.seq).toBe(2);
    expect(socket.joins()).toHaveLength(1);
  });

  it("shows the server's reason, in a person's words, when the join is refused", async () => {
    const { socket, client } = setup("bad");
    socket.joins()[0]!.ack(null, { ok: false, error: { code: "unauthorized", message: "unknown token" } });
    await flush();
    expect(client.getState().join_error).toEqual({
      code: "unauthorized",
      message: "This seat link is not valid any more. Ask the league admin for a new one, or watch instead.",
    });
  });

  it("aims a pick at the pick on the clock for the seat's own team", async () => {
    const { socket, client } = setup("seat");
    socket.joins()[0]!.ack(null, { ok: true, role: "team", team_id: "CHI", snapshot: snapshot(2) });
    await flush();
    const result = client.makePick("p9");
    const emitted = socket.emits.find((e) => e.event === "make_pick")!;
    expect(emitted.payload).toEqual({ session_id: SESSION, team_id: "CHI", player_id: "p9", expected_overall: 1 });
    emitted.ack(null, { ok: false, error: { code: "conflict", message: "stale pick" } });
    await expect(result).resolves.toEqual({ ok: false, error: { code: "conflict", message: "Stale pick." } });
  });

  it("takes a seat's queue from its join and rolls a refused queue change back", async () => {
    const { socket, client } = setup("seat");
    socket.joins()[0]!.ack(null, { ok: true, role: "team", team_id: "CHI", snapshot: snapshot(2), queue: ["a"] });
    await flush();
    expect(client.getState().queue).toEqual(["a"]);
    const result = client.setQueue(["b", "a"]);
    expect(client.getState().queue).toEqual(["b", "a"]); // shown at once
    const emitted = socket.emits.find((e) => e.event === "set_queue")!;
    expect(emitted.payload).toEqual({ session_id: SESSION, team_id: "CHI", player_ids: ["b", "a"] });
    emitted.ack(null, { ok: false, error: { code: "not_found", message: "no player b" } });
    await result;
    expect(client.getState().queue).toEqual(["a"]);
  });

  it("offers a trade from the seat's own team", async () => {
    const { socket, client } = setup("seat");
    socket.joins()[0]!.ack(null, { ok: true, role: "team", team_id: "CHI", snapshot: snapshot(2) });
    await flush();
    void client.proposeTrade("WAS", { give: [9], receive: [2] });
    expect(socket.emits.find((e) => e.event === "propose_trade")!.payload).toEqual({
      session_id: SESSION,
      from_team_id: "CHI",
      to_team_id: "WAS",
      give: [9],
      receive: [2],
    });
  });

  it("fails a command at once instead of buffering it while disconnected", async () => {
    const { socket, client } = setup();
    socket.connected = false;
    await expect(client.adminAction("pause")).resolves.toMatchObject({ ok: false, error: { code: "disconnected" } });
    expect(socket.emits.some((e) => e.event === "admin_action")).toBe(false);
  });

  it("becomes a spectator when its seat is revoked, and re-joins without the old token", async () => {
    const { socket, client, reconnect } = setup("seat-token");
    socket.joins()[0]!.ack(null, { ok: true, role: "team", team_id: "CHI", snapshot: snapshot(2), queue: ["a"] });
    await flush();
    // another session's or another team's revocation is not ours
    socket.fire("seat_revoked", { session_id: "another-session", team_id: "CHI" });
    socket.fire("seat_revoked", { session_id: SESSION, team_id: "WAS" });
    socket.fire("admin_revoked", { session_id: SESSION });
    expect(client.getState()).toMatchObject({ role: "team", team_id: "CHI", revoked: null });
    socket.fire("seat_revoked", { session_id: SESSION, team_id: "CHI" });
    expect(client.getState()).toMatchObject({
      role: "spectator",
      team_id: null,
      queue: null,
      revoked: { role: "team", team_id: "CHI" },
    });
    await expect(client.setQueue(["b"])).resolves.toMatchObject({ ok: false, error: { code: "forbidden" } });
    reconnect();
    expect(socket.joins()[1]?.payload).toEqual({ session_id: SESSION, last_seq: 2 });
  });

  it("an admin whose league key was replaced watches from then on, and re-joins without the old key", async () => {
    const { socket, client, reconnect } = setup("league-key");
    socket.joins()[0]!.ack(null, { ok: true, role: "admin", snapshot: snapshot(2) });
    await flush();
    socket.fire("seat_revoked", { session_id: SESSION, team_id: "CHI" });
    expect(client.getState()).toMatchObject({ role: "admin", revoked: null });
    socket.fire("admin_revoked", { session_id: SESSION });
    expect(client.getState()).toMatchObject({ role: "spectator", revoked: { role: "admin" } });
    reconnect();
    expect(socket.joins()[1]?.payload).toEqual({ session_id: SESSION, last_seq: 2 });
  });

  it("re-joins with last_seq when the server announces a later seq (session_seq), and not for its own seq or another session's", async () => {
    const { socket, client } = setup();
    socket.joins()[0]!.ack(null, { ok: true, role: "spectator", snapshot: snapshot(4) });
    await flush();
    socket.fire("session_seq", { session_id: SESSION, seq: 4 });
    socket.fire("session_seq", { session_id: "another-session", seq: 9 });
    socket.fire("session_seq", { session_id: SESSION, seq: "nine" });
    expect(socket.joins()).toHaveLength(1);
    // the session's last event never reached this socket: nothing else would ever show the gap
    socket.fire("session_seq", { session_id: SESSION, seq: 5 });
    expect(socket.joins()[1]?.payload).toEqual({ session_id: SESSION, last_seq: 4 });
    const paused = {
      seq: 5,
      type: "session_update",
      at: "2026-04-24T00:00:01.000Z",
      payload: { session_id: SESSION, seq: 5, status: "paused", reason: "paused", current_pick: slot(1, "CHI"), clock },
    };
    socket
      .joins()[1]!
      .ack(null, { ok: true, role: "spectator", snapshot: { ...snapshot(5), status: "paused" }, missed: [paused] });
    await flush();
    expect(client.getState().snapshot).toMatchObject({ seq: 5, status: "paused" });
  });
});
