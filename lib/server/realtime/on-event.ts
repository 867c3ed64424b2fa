// The one wrapper every client event goes through: rate limit, zod parse,
// exactly one acknowledgement, no error ever escaping to the socket, and one
// log line per command (its session, outcome, duration and a request id).
import { CLIENT_EVENTS, type ClientEventName, type ClientResult, type ParsedPayload } from "../../protocol/events";
import { ContractError, type ErrorBody } from "../../protocol/errors";
import { parseOrThrow } from "../../protocol/validate";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics/metrics";
import type { ServerSocket } from "./rooms";

/** What a socket's listener really receives: whatever the client sent. */
type RawSocket = { on(event: string, listener: (...args: unknown[]) => void): unknown };

type AckFn = (response: unknown) => void;

export interface EventGuard {
  /** false when the socket is over its event rate */
  take(): boolean;
}

export function onEvent<E extends ClientEventName>(
  socket: ServerSocket,
  name: E,
  guard: EventGuard,
  { logger, metrics }: { logger: Logger; metrics?: Metrics },
  handler: (payload: ParsedPayload<E>) => Promise<ClientResult<E>> | ClientResult<E>,
): void {
  const schema = CLIENT_EVENTS[name].payload;
  // the socket's typed listener for E is called with its declared arguments; a hostile client may send anything
  (socket as unknown as RawSocket).on(name, async (...args: unknown[]) => {
    const ack = args.at(-1);
    // a command without an acknowledgement is ignored: nobody could learn its outcome
    if (typeof ack !== "function") return;
    const started = performance.now();
    const requestId = `${socket.id}.${++commandCount}`;
    const raw = args.length > 1 ? args[0] : undefined;
    const sessionId =
      typeof raw === "object" && raw !== null && typeof (raw as { session_id?: unknown }).session_id === "string"
        ? (raw as { session_id: string }).session_id.slice(0, 64)
        : undefined;
    metrics?.commandsInFlight.inc();
    const respond = once(ack as AckFn, (outcome) => {
      const seconds = (performance.now() - started) / 1000;
      metrics?.commandsInFlight.dec();
      metrics?.commands.inc({ event: name, outcome });
      metrics?.commandDuration.observe({ event: name }, seconds);
      // pings keep clocks in sync every few seconds per client: worth a line only when debugging
      logger[name === "ping" ? "debug" : "info"]("command", {
        request_id: requestId,
        event: name,
        session_id: sessionId,
        outcome,
        duration_ms: Math.round(seconds * 10_000) / 10,
      });
    });
    if (!guard.take()) return respond(failure({ code: "rate_limited", message: "too many events; slow down" }));
    try {
      const payload = parseOrThrow(schema, raw) as ParsedPayload<E>;
      const result = await handler(payload);
      respond({ ok: true, ...result });
    } catch (error) {
      if (ContractError.is(error)) return respond(failure(error.toBody()));
      logger.error("event handler failed", {
        request_id: requestId,
        event: name,
        error: error instanceof Error ? error.message : String(error),
      });
      respond(failure({ code: "internal", message: "something went wrong on the server" }));
    }
  });
}

/** numbers a process's commands, so each log line's request id is unique */
let commandCount = 0;

const failure = (error: ErrorBody) => ({ ok: false, error });

/** Acknowledges once, and reports the outcome ("ok" or the error's code) once. */
function once(ack: AckFn, done: (outcome: string) => void): AckFn {
  let called = false;
  return (response) => {
    if (called) return;
    called = true;
    const answer = response as { ok?: boolean; error?: ErrorBody };
    done(answer.ok ? "ok" : (answer.error?.code ?? "error"));
    try {
      ack(response);
    } catch {
      // the socket may have gone; nothing to tell it
    }
  };
}
