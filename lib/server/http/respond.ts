import { ContractError, HTTP_STATUS, type ErrorBody } from "../../protocol/errors";
import { redactText } from "../security/redact";

/** How large a route's request body may be, and what a larger one is answered with. */
export interface BodyLimit {
  bytes: number;
  status: number;
  /** for the message: "64 KiB" */
  label: string;
}

/** Every route's body limit (the same 64 KiB as a socket message), but the draft class import's. */
export const DEFAULT_BODY_LIMIT: BodyLimit = { bytes: 64 * 1024, status: 400, label: "64 KiB" };
/** POST /api/pools alone reads up to 1 MiB; beyond that, 413 (PROTOCOL.md v2). */
export const IMPORT_BODY_LIMIT: BodyLimit = { bytes: 1024 * 1024, status: 413, label: "1 MiB" };

export const bodyTooLarge = (limit: BodyLimit) =>
  new ContractError(
    "invalid_payload",
    `the body is larger than ${limit.label}`,
    undefined,
    limit.status === 400 ? undefined : limit.status,
  );

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });

export const errorResponse = (error: ErrorBody, status = HTTP_STATUS[error.code]) =>
  json({ error: { ...error, message: redactText(error.message) } }, status);

/** Runs a route's work and turns any failure into the contract's error body; never leaks internals. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (ContractError.is(error)) return errorResponse(error.toBody(), error.httpStatus);
    console.error("route handler failed:", redactText(error instanceof Error ? error.message : String(error)));
    return errorResponse({ code: "internal", message: "something went wrong on the server" });
  }
}

/** The JSON body, or invalid_payload when it is not JSON or larger than the route's limit (read no further than that). */
export async function readJson(request: Request, limit: BodyLimit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit.bytes) throw bodyTooLarge(limit);
  const text = await readCapped(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new ContractError("invalid_payload", "the body is not valid JSON");
  }
}

async function readCapped(request: Request, limit: BodyLimit): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ContractError("invalid_payload", "the body could not be read");
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit.bytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}
