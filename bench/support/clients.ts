// How every bench client connects: socket.io-client over the WebSocket
// transport only, no reconnection (a drop is a measured failure, not hidden),
// then join_session with an acknowledgement.
import { io, type Socket } from "socket.io-client";

export interface ClientSpec {
  url: string;
  sessionId: string;
  token?: string;
}

/**
 * BENCH_SOURCE_ADDRS=N spreads clients over the loopback source addresses
 * 127.0.0.1 … 127.0.0.N, for a server that limits connections per IP.
 */
const SOURCE_ADDRS = Math.max(1, Math.min(250, Number(process.env.BENCH_SOURCE_ADDRS || 1)));
export const sourceAddress = (index: number): string | undefined =>
  SOURCE_ADDRS > 1 ? `127.0.0.${1 + (index % SOURCE_ADDRS)}` : undefined;

/** What the bench reads of a join's acknowledgement. */
export interface JoinAck {
  ok: boolean;
  error?: { code: string; message: string };
  snapshot: { seq: number; order: { overall: number; team_id: string }[]; picks: unknown[] };
}

export interface OpenedClient {
  socket: Socket;
  ack: JoinAck;
}

export async function openClient(spec: ClientSpec, index: number, timeoutMs = 30_000): Promise<OpenedClient> {
  const localAddress = sourceAddress(index);
  const socket = io(spec.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
    ...(localAddress ? { localAddress } : {}),
  } as Parameters<typeof io>[1]);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(new Error(`connect: ${error.message}`)));
    });
    const ack: JoinAck = await socket
      .timeout(timeoutMs)
      .emitWithAck("join_session", { session_id: spec.sessionId, ...(spec.token ? { token: spec.token } : {}) });
    if (!ack?.ok) throw new Error(`join_session refused: ${ack?.error?.code} ${ack?.error?.message}`);
    return { socket, ack };
  } catch (error) {
    socket.disconnect();
    throw error;
  }
}

/** Sends a command and waits for its acknowledgement. */
export function request<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  payload: object,
  timeoutMs = 30_000,
): Promise<{ ok: boolean; error?: { code: string; message: string } } & Partial<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

export const SEQUENCED_EVENTS = [
  "draft_pick",
  "session_update",
  "trade_proposed",
  "trade_executed",
  "trade_rejected",
] as const;
