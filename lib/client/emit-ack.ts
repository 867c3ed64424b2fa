// Every client → server event carries an acknowledgement callback (the server
// ignores a command without one). This wraps that in a promise with a timeout
// and turns every way it can go wrong into one error shape the UI can show.
import type { ClientEventName, ClientPayload } from "@/lib/protocol/events";
import type { ErrorBody, ErrorCode } from "@/lib/protocol/errors";
import { errorWords } from "./error-words";

export const ACK_TIMEOUT_MS = 10_000;

export interface ClientError {
  /** a contract code from the server, or a client-side failure */
  code: ErrorCode | "disconnected" | "timeout" | "bad_response";
  message: string;
  issues?: ErrorBody["issues"];
}

export type AckOutcome = { ok: true; value: Record<string, unknown> } | { ok: false; error: ClientError };

/** The part of a socket.io-client Socket needed to emit with an ack. */
export interface AckEmitter {
  readonly connected: boolean;
  timeout(ms: number): {
    emit(event: string, payload: unknown, ack: (err: unknown, response: unknown) => void): unknown;
  };
}

/** Sends one of the contract's client events (lib/protocol/events.ts); the answer is the caller's to parse. */
export function emitWithAck<E extends ClientEventName>(
  socket: AckEmitter,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<AckOutcome> {
  // socket.io-client buffers emits while disconnected and sends them later;
  // a pick or a join replayed minutes later is worse than a clear error now
  if (!socket.connected) return Promise.resolve(failure("disconnected", "Not connected to the server."));
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err, response) => {
      if (err) {
        const lost = err instanceof Error && /disconnected/.test(err.message);
        resolve(
          lost
            ? failure("disconnected", "The connection dropped before the server answered.")
            : failure("timeout", "The server did not answer in time."),
        );
        return;
      }
      resolve(readAck(response));
    });
  });
}

function readAck(response: unknown): AckOutcome {
  if (typeof response !== "object" || response === null || !("ok" in response)) {
    return failure("bad_response", "The server sent an unexpected answer.");
  }
  const body = response as { ok: unknown; error?: Partial<ErrorBody> };
  if (body.ok === true) return { ok: true, value: response as Record<string, unknown> };
  const error = body.error ?? {};
  const code = (typeof error.code === "string" ? error.code : "internal") as ErrorCode;
  const issues = Array.isArray(error.issues) ? error.issues : undefined;
  return {
    ok: false,
    error: {
      code,
      // what a person reads (lib/client/error-words.ts), never the schema's words
      message: errorWords({
        code,
        ...(typeof error.message === "string" ? { message: error.message } : {}),
        ...(issues ? { issues } : {}),
      }),
      ...(issues ? { issues } : {}),
    },
  };
}

function failure(code: ClientError["code"], message: string): AckOutcome {
  return { ok: false, error: { code, message } };
}
