// One Socket.IO connection with our own reconnect schedule. Socket.IO's built-in
// reconnection is off because the contract fixes the backoff (1, 2, 4, 8, 16 s
// with jitter, then every 10 to 30 s for as long as the page is open; never a
// dead end), because a browser coming back online or a tab becoming visible
// should try at once, and because the clock and the randomness must be
// injectable for tests.
import type { ManagerOptions, Socket, SocketOptions } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/protocol/events";

/** A socket typed by the contract's event map (lib/protocol/events.ts). */
export type RoomIoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
import { QUICK_RECONNECT_ATTEMPTS, reconnectDecision } from "./reconnect-policy";

export type ConnectionStatus =
  | { state: "connecting" }
  | { state: "connected" }
  | {
      state: "reconnecting";
      attempt: number;
      /** how many attempts are quick; later ones are slow, and never the last */
      of: typeof QUICK_RECONNECT_ATTEMPTS;
      /** past the quick attempts */
      slow: boolean;
      next_at_ms: number;
    };

/**
 * Signals that now is a good moment to try (the browser's `online` event, the
 * tab becoming visible). Subscribe, get back an unsubscribe.
 */
export type WakeSource = (listener: () => void) => () => void;

export interface TimerClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** ms since epoch; used only for `next_at_ms`. Defaults to Date.now. */
  now?(): number;
}

/** The part of a socket.io-client Socket this module drives (a fake in unit tests). */
export interface SocketLike {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export type SocketFactory<S extends SocketLike> = (url: string, options: Partial<ManagerOptions & SocketOptions>) => S;

export interface RealtimeConnectionOptions<S extends SocketLike> {
  url: string;
  io: SocketFactory<S>;
  clock: TimerClock;
  random: () => number;
  /** ["websocket"] behind a load balancer without sticky sessions (PROTOCOL.md). */
  transports?: ("polling" | "websocket" | "webtransport")[];
  /** while reconnecting, each signal makes one attempt at once instead of waiting for the booked one */
  wake?: WakeSource;
}

export interface RealtimeConnection<S extends SocketLike = RoomIoSocket> {
  readonly socket: S;
  readonly status: ConnectionStatus;
  /** The delays (ms) actually scheduled since the last successful connect or reconnectNow(). */
  readonly delays: readonly number[];
  readonly closed: boolean;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Fires after every successful connect and reconnect: the room re-joins with last_seq here. */
  onConnect(listener: () => void): () => void;
  /** The manual "Retry now" button: start over at attempt 1 and try right away. */
  reconnectNow(): void;
  /** Disconnect on purpose; nothing is scheduled afterwards. */
  close(): void;
}

export function createRealtimeConnection<S extends SocketLike = RoomIoSocket>(
  options: RealtimeConnectionOptions<S>,
): RealtimeConnection<S> {
  const { clock, random } = options;
  const now = () => (clock.now ? clock.now() : Date.now());
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const connectListeners = new Set<() => void>();
  let status: ConnectionStatus = { state: "connecting" };
  let attempt = 0;
  let delays: number[] = [];
  let timer: unknown = null;
  let closed = false;

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  const cancelTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  // Called after every disconnect or failed attempt; a pending timer means the
  // next attempt is already booked, so a second error event must not book another.
  const scheduleNext = () => {
    if (closed || timer !== null) return;
    attempt += 1;
    const decision = reconnectDecision(attempt, random);
    delays = [...delays, decision.delay_ms];
    setStatus({
      state: "reconnecting",
      attempt,
      of: QUICK_RECONNECT_ATTEMPTS,
      slow: decision.slow,
      next_at_ms: now() + decision.delay_ms,
    });
    timer = clock.setTimeout(() => {
      timer = null;
      if (!closed) socket.connect();
    }, decision.delay_ms);
  };

  const socket = options.io(options.url, {
    reconnection: false,
    // a manager of its own, so closing this connection never affects another one to the same URL
    forceNew: true,
    ...(options.transports ? { transports: options.transports } : {}),
  });

  socket.on("connect", () => {
    cancelTimer();
    attempt = 0;
    delays = [];
    setStatus({ state: "connected" });
    for (const listener of [...connectListeners]) listener();
  });
  socket.on("connect_error", () => scheduleNext());
  socket.on("disconnect", (reason: string) => {
    // "io client disconnect" is our own socket.disconnect(); everything else
    // (transport close, ping timeout, server kick) is unexpected
    if (reason === "io client disconnect") return;
    scheduleNext();
  });

  // a wake while an attempt is booked: make it now; if it fails, the schedule goes on from there
  const offWake = options.wake?.(() => {
    if (closed || socket.connected || timer === null) return;
    cancelTimer();
    socket.connect();
  });

  return {
    socket,
    get status() {
      return status;
    },
    get delays() {
      return delays;
    },
    get closed() {
      return closed;
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onConnect(listener) {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
    reconnectNow() {
      if (closed || socket.connected) return;
      cancelTimer();
      attempt = 0;
      delays = [];
      setStatus({ state: "connecting" });
      socket.connect();
    },
    close() {
      closed = true;
      cancelTimer();
      offWake?.();
      socket.disconnect();
      statusListeners.clear();
      connectListeners.clear();
    },
  };
}
