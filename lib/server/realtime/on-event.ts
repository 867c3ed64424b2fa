// The one wrapper every client event goes through: rate limit, zod parse,
// exactly one acknowledgement, and no error ever escaping to the socket.
import { CLIENT_EVENTS, type ClientEventName, type ClientResult, type ParsedPayload } from "../../protocol/events";
import { ContractError, type ErrorBody } from "../../protocol/errors";
import { parseOrThrow } from "../../protocol/validate";
import type { Logger } from "../logger";
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
  logger: Logger,
  handler: (payload: ParsedPayload<E>) => Promise<ClientResult<E>> | ClientResult<E>,
): void {
  const schema = CLIENT_EVENTS[name].payload;
  // the socket's typed listener for E is called with its declared arguments; a hostile client may send anything
  (socket as unknown as RawSocket).on(name, async (...args: unknown[]) => {
    const ack = args.at(-1);
    // a command without an acknowledgement is ignored: nobody could learn its outcome
    if (typeof ack !== "function") return;
    const respond = once(ack as AckFn);
    if (!guard.take()) return respond(failure({ code: "rate_limited", message: "too many events; slow down" }));
    try {
      const payload = parseOrThrow(schema, args.length > 1 ? args[0] : undefined) as ParsedPayload<E>;
      const result = await handler(payload);
      respond({ ok: true, ...result });
    } catch (error) {
      if (ContractError.is(error)) return respond(failure(error.toBody()));
      logger.error("event handler failed", {
        event: name,
        error: error instanceof Error ? error.message : String(error),
      });
      respond(failure({ code: "internal", message: "something went wrong on the server" }));
    }
  });
}

const failure = (error: ErrorBody) => ({ ok: false, error });

function once(ack: AckFn): AckFn {
  let called = false;
  return (response) => {
    if (called) return;
    called = true;
    try {
      ack(response);
    } catch {
      // the socket may have gone; nothing to tell it
    }
  };
}
