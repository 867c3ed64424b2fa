import type { ErrorCode } from "../protocol/errors";

/** Why the engine refused a command; the code is the contract's, the message is for people. */
export interface DraftRejection {
  code: Extract<ErrorCode, "conflict" | "invalid_state" | "not_found" | "forbidden" | "invalid_payload">;
  message: string;
}

export type Decision<T> = { ok: true; value: T } | { ok: false; rejection: DraftRejection };

export const accept = <T>(value: T): Decision<T> => ({ ok: true, value });

export const reject = (code: DraftRejection["code"], message: string): Decision<never> => ({
  ok: false,
  rejection: { code, message },
});
