// The contract's error codes (PROTOCOL.md, "Acknowledgements and errors").
export const ERROR_CODES = [
  "invalid_payload",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "invalid_state",
  "rate_limited",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One problem with a payload. Socket events and most routes name the field as
 * a dotted string ("rounds"); an imported draft class names it as a JSON path
 * with 0-based indexes (["prospects", 12, "rank"]) and, for CSV, the file line.
 */
export interface ErrorIssue {
  path: string | (string | number)[];
  message: string;
  line?: number;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  rate_limited: 429,
  internal: 500,
};

/**
 * Marks ContractErrors from every copy of this module: Next.js bundles the
 * route handlers with their own copy, while the services they call were loaded
 * by the server, so `instanceof` fails across that line.
 */
const CONTRACT_ERROR = Symbol.for("warroom.ContractError");

/** A failure the client may see: its code comes from the contract, its message is safe to show. */
export class ContractError extends Error {
  readonly [CONTRACT_ERROR] = true;

  /** Whether `error` is a ContractError, whichever copy of this module made it. */
  static is(error: unknown): error is ContractError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[CONTRACT_ERROR] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** an HTTP status other than the code's usual one (413 for a body over its route's limit) */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "ContractError";
  }

  toBody(): ErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}
