// A real WarRoom (Socket.IO + database, no Next.js) on an ephemeral port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type {
  ClientEventName,
  ClientPayload,
  ClientResult,
  ServerEventName,
  ServerPayload,
} from "../../lib/protocol/events";
import type { ErrorBody } from "../../lib/protocol/errors";
import { silentLogger } from "../../lib/server/logger";
import type { TimerClock } from "../../lib/server/sessions/pick-clock";
import { createWarRoom, type WarRoom } from "../../lib/server/warroom";
import type { RateLimit } from "../../lib/server/realtime/rate-limit";
import { createTestDatabase } from "./test-database";

export interface TestServer {
  url: string;
  warroom: WarRoom;
  client(): Promise<Socket>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { clock?: TimerClock; rateLimit?: RateLimit; port?: number } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const db = await database.open();
  const httpServer = createServer();
  const warroom = await createWarRoom({ httpServer, db, logger: silentLogger, ...options });
  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: Socket[] = [];
  return {
    url,
    warroom,
    client: () => connectTestClient(url, clients),
    async close() {
      for (const socket of clients) socket.disconnect();
      await warroom.close();
      // a test may have closed the database itself to simulate an outage
      await db.close().catch(() => {});
      await database.drop();
    },
  };
}

/** A WebSocket-only client that does not reconnect, recorded in `clients` so the server's close can drop it. */
export async function connectTestClient(
  url: string,
  clients: Socket[],
  options: { extraHeaders?: Record<string, string> } = {},
): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...options });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/**
 * The server's answer to a contract event: its result (lib/protocol/events.ts) when `ok`, its
 * error when not. Both sides are spread flat so a test can read either after checking `ok`.
 */
export type Answer<T> = T & { ok: boolean; error?: ErrorBody };

/** Emits one of the contract's client events, payload checked against its type, and resolves with the answer. */
export function request<E extends ClientEventName>(
  socket: Socket,
  event: E,
  payload: ClientPayload<E>,
): Promise<Answer<ClientResult<E>>> {
  return socket.timeout(10_000).emitWithAck(event, payload);
}

/** Emits anything at all, for the tests that send what no client should (malformed, unknown, hostile). */
export function requestRaw(socket: Socket, event: string, payload?: unknown): Promise<Answer<Record<string, unknown>>> {
  return socket.timeout(10_000).emitWithAck(event, payload);
}

/** Resolves with the next `count` payloads of an event on a socket. */
/** The next `event` the socket receives. */
export async function nextEvent<E extends ServerEventName>(
  socket: Socket,
  event: E,
  timeoutMs?: number,
): Promise<ServerPayload<E>> {
  const [first] = await collect(socket, event, 1, timeoutMs);
  return first!;
}

export function collect<E extends ServerEventName>(
  socket: Socket,
  event: E,
  count: number,
  timeoutMs = 15_000,
): Promise<ServerPayload<E>[]> {
  return new Promise((resolve, reject) => {
    const seen: ServerPayload<E>[] = [];
    const timer = setTimeout(() => reject(new Error(`saw ${seen.length}/${count} ${event}`)), timeoutMs);
    const listener = (payload: ServerPayload<E>) => {
      seen.push(payload);
      if (seen.length === count) {
        clearTimeout(timer);
        socket.off(event as string, untyped);
        resolve(seen);
      }
    };
    // socket.io-client types a listener of an untyped socket's events loosely; the event map says what comes
    const untyped = listener as unknown as (...args: unknown[]) => void;
    socket.on(event as string, untyped);
  });
}
