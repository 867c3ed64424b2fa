import { ContractError, HTTP_STATUS, type ErrorBody } from "../../protocol/errors";
import { redactText } from "../security/redact";

/** The largest request body any route reads (the same 64 KiB as a socket message). */
export const MAX_BODY_BYTES = 64 * 1024;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

export const errorResponse = (error: ErrorBody) => json({ error: { ...error, message: redactText(error.message) } }, HTTP_STATUS[error.code]);

/** Runs a route's work and turns any failure into the contract's error body; never leaks internals. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (ContractError.is(error)) return errorResponse(error.toBody());
    console.error("route handler failed:", redactText(error instanceof Error ? error.message : String(error)));
    return errorResponse({ code: "internal", message: "something went wrong on the server" });
  }
}

/** The JSON body, or invalid_payload when it is not JSON or larger than 64 KiB (read no further than that). */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ContractError("invalid_payload", "the body is larger than 64 KiB");
  const text = await readCapped(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new ContractError("invalid_payload", "the body is not valid JSON");
  }
}

async function readCapped(request: Request): Promise<string> {
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
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new ContractError("invalid_payload", "the body is larger than 64 KiB");
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
