import { ContractError, HTTP_STATUS, type ErrorBody } from "../../protocol/errors";

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

export const errorResponse = (error: ErrorBody) => json({ error }, HTTP_STATUS[error.code]);

/** Runs a route's work and turns any failure into the contract's error body; never leaks internals. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ContractError) return errorResponse(error.toBody());
    console.error("route handler failed:", error instanceof Error ? error.message : error);
    return errorResponse({ code: "internal", message: "something went wrong on the server" });
  }
}

/** The JSON body, or invalid_payload when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > 64 * 1024) throw new ContractError("invalid_payload", "the body is larger than 64 KiB");
  try {
    return JSON.parse(text);
  } catch {
    throw new ContractError("invalid_payload", "the body is not valid JSON");
  }
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}
