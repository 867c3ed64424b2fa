// The browser's own room client (lib/client/room-client.ts over
// lib/client/realtime-connection.ts, on socket.io-client) for tests against real
// servers: open one for a session on a URL, wait on its state, and read back
// every seq its snapshot went through. When a test has several nodes, each
// client can reach them through its own route, a small TCP balancer that sends
// every new connection to the node the client was on while that node is up and
// to the next live one when it is not, as a load balancer does for a browser.
import { createServer, Socket as NetSocket, type Server } from "node:net";
import { io } from "socket.io-client";
import { emitWithAck } from "../../lib/client/emit-ack";
import { createRealtimeConnection, type RealtimeConnection } from "../../lib/client/realtime-connection";
import { createRoomClient, type RoomClient, type RoomState } from "../../lib/client/room-client";
import type { logItemSchema, Snapshot } from "../../lib/protocol/shapes";
import type { z } from "zod";
import { httpClient } from "./api-client";

/** One change of the room's snapshot: the seq it moved to, and whether a join's answer or a live event moved it. */
export interface RoomStep {
  seq: number;
  by: "join" | "event";
}

export interface WatchedRoom {
  readonly room: RoomClient;
  readonly connection: RealtimeConnection;
  /** every change of the room's snapshot, in order; the first is the first join's */
  readonly steps: readonly RoomStep[];
  /** the seq after each change of the snapshot, in order (a change that kept the seq repeats it) */
  readonly seqs: readonly number[];
  /** joins answered: the first, then one per reconnect or resync */
  readonly joins: number;
  /** the node (its URL) each connection reached, in order: one entry per connect */
  readonly nodes: readonly string[];
  state(): RoomState;
  snapshot(): Snapshot | null;
  /** resolves with the probe's value the first time it holds for the room's state (now or after a change) */
  when<T>(what: string, probe: (state: RoomState) => T | null | undefined | false, timeoutMs?: number): Promise<T>;
  /** resolves with the snapshot once it has reached `seq` */
  reached(seq: number, timeoutMs?: number): Promise<Snapshot>;
  /** a ping round trip on the room's socket: every event its node sent the socket before has been handled */
  barrier(): Promise<void>;
  close(): void;
}

export interface RoomOptions {
  /** a node's URL, or a list of nodes (read again on every connect) to reach through a route of its own */
  url: string | (() => readonly string[]);
  session_id: string;
  token?: string;
  /** with a list of nodes: the index of the node the first connection goes to */
  first?: number;
}

/** The browser's room client for a session; resolves once its first join has answered. */
export async function openRoom(options: RoomOptions, timeoutMs = 15_000): Promise<WatchedRoom> {
  const route = typeof options.url === "string" ? null : await startRoute(options.url, options.first ?? 0);
  const url = route ? route.url : (options.url as string);
  // the same wiring as the page's hook (lib/client/use-draft-room.ts): one connection, one room client on it
  const connection = createRealtimeConnection({
    url,
    io,
    clock: globalThis,
    random: Math.random,
    transports: ["websocket"],
  });
  const room = createRoomClient({
    connection,
    session_id: options.session_id,
    ...(options.token ? { token: options.token } : {}),
  });
  const steps: RoomStep[] = [];
  const directNodes: string[] = [];
  let previous = room.getState();
  const watchers = new Set<(state: RoomState) => void>();
  // subscribed before the first connect, so no change goes unseen
  room.subscribe((state) => {
    if (state.snapshot && state.snapshot !== previous.snapshot)
      steps.push({ seq: state.snapshot.seq, by: previous.joining && !state.joining ? "join" : "event" });
    previous = state;
    for (const watcher of [...watchers]) watcher(state);
  });
  const offConnect = connection.onConnect(() => directNodes.push(url));

  const when = <T>(what: string, probe: (state: RoomState) => T | null | undefined | false, ms = 15_000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // runs inside the room's own listener call: a probe that throws rejects here, never in the room
      const check = (state: RoomState) => {
        let value: T | null | undefined | false;
        try {
          value = probe(state);
        } catch (error) {
          settle();
          reject(error);
          return;
        }
        if (!value) return;
        settle();
        resolve(value);
      };
      const settle = () => {
        clearTimeout(timer);
        watchers.delete(check);
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        const state = room.getState();
        reject(
          new Error(
            `timed out after ${ms} ms waiting for ${what} (room at seq ${state.snapshot?.seq ?? "none"}, ` +
              `connection ${connection.status.state}, join error ${JSON.stringify(state.join_error)})`,
          ),
        );
      }, ms);
      watchers.add(check);
      check(room.getState());
    });

  const watched: WatchedRoom = {
    room,
    connection,
    steps,
    get seqs() {
      return steps.map((step) => step.seq);
    },
    get joins() {
      return steps.filter((step) => step.by === "join").length;
    },
    get nodes() {
      return route ? route.nodes : directNodes;
    },
    state: () => room.getState(),
    snapshot: () => room.getState().snapshot,
    when,
    reached: (seq, ms) =>
      when(
        `the room to reach seq ${seq}`,
        (state) => state.snapshot && state.snapshot.seq >= seq && state.snapshot,
        ms,
      ),
    async barrier() {
      const outcome = await emitWithAck(connection.socket, "ping", { client_time: Date.now() });
      if (!outcome.ok) throw new Error(`ping barrier failed: ${outcome.error.message}`);
    },
    close() {
      offConnect();
      room.dispose();
      connection.close();
      void route?.close();
    },
  };
  try {
    await when(
      "the room's first join",
      (state) => {
        if (state.join_error) throw new Error(`join failed: ${JSON.stringify(state.join_error)}`);
        return state.snapshot;
      },
      timeoutMs,
    );
  } catch (error) {
    watched.close();
    throw error;
  }
  return watched;
}

/** Integers from..to, both included. */
export const seqRange = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * What is wrong with a room's steps for a client that applies events in order: a live event must move it exactly
 * one seq on, and a join (a reconnect or a resync, which adopts the server's snapshot) never back.
 */
export function outOfOrder(steps: readonly RoomStep[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < steps.length; i++) {
    const { seq, by } = steps[i]!;
    const before = steps[i - 1]!.seq;
    if (by === "event" && seq !== before + 1) problems.push(`step ${i}: an event moved seq ${before} → ${seq}`);
    if (by === "join" && seq < before) problems.push(`step ${i}: a join moved seq back ${before} → ${seq}`);
  }
  return problems;
}

/** The parts of a snapshot a client must agree on with the server: seq, status, every pick in order, the order. */
export const boardOf = (snapshot: Snapshot) => ({
  seq: snapshot.seq,
  status: snapshot.status,
  current_pick: snapshot.current_pick,
  picks: snapshot.picks.map((p) => ({
    overall: p.overall,
    team_id: p.team_id,
    player_id: p.player.player_id,
    auto: p.auto,
  })),
  order: snapshot.order.map((slot) => ({ overall: slot.overall, team_id: slot.team_id })),
});

/** GET /api/sessions/:id on a node, checked against the contract's snapshot schema. */
export async function serverSnapshot(url: string, sessionId: string): Promise<Snapshot> {
  return httpClient(url).answer("snapshot", { params: { id: sessionId } });
}

/** GET /api/sessions/:id/events on a node, checked against the contract's schema. */
export async function serverEvents(url: string, sessionId: string): Promise<z.infer<typeof logItemSchema>[]> {
  return httpClient(url).answer("events", { params: { id: sessionId }, query: { limit: "1000" } });
}

interface Route {
  url: string;
  /** the node each accepted connection was sent to, in order */
  nodes: string[];
  close(): Promise<void>;
}

/**
 * A balancer for one client: each new connection goes to the node the last one reached if it is still
 * listed, else to `upstreams()[first]`, and on to the next listed node while one refuses the connection.
 */
async function startRoute(upstreams: () => readonly string[], first: number): Promise<Route> {
  const open = new Set<NetSocket>();
  const nodes: string[] = [];
  let current: string | null = null;
  const server: Server = createServer((client) => {
    client.pause();
    open.add(client);
    client.on("error", () => client.destroy());
    client.on("close", () => open.delete(client));
    const candidates = [...upstreams()];
    const start =
      current !== null && candidates.includes(current)
        ? candidates.indexOf(current)
        : first % Math.max(1, candidates.length);
    const attempt = (k: number) => {
      if (client.destroyed) return;
      if (k >= candidates.length) return void client.destroy();
      const target = candidates[(start + k) % candidates.length]!;
      const { hostname, port } = new URL(target);
      const upstream = new NetSocket();
      upstream.once("error", () => {
        upstream.destroy();
        attempt(k + 1);
      });
      upstream.connect(Number(port), hostname, () => {
        upstream.removeAllListeners("error");
        current = target;
        nodes.push(target);
        open.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          open.delete(upstream);
        };
        upstream.on("error", drop).on("close", drop);
        client.on("error", drop).on("close", drop);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    nodes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
        open.clear();
      }),
  };
}
