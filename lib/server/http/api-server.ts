// The API's routes answered by the Node server itself, before Next.js. Next's
// request pipeline takes many asynchronous steps per request, and on a busy
// event loop each one waits its turn: an admin's `start` took 640 ms there
// against 2 ms in its handler (README, "Performance"). The handlers are the
// same (lib/server/http/api.ts, Web Request in, Response out) as the
// app/api/**/route.ts files export; those stay for `next dev` tooling and as
// the table the route test checks. A path or method the API does not serve
// falls through to Next, which answers it as before (404 pages, 405s).
import "../db/server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { redactText } from "../security/redact";
import type { HttpServices } from "./registry";
import { errorResponse } from "./respond";
import { matchRoute } from "./routes";

/** Answers the request when it is one of the API's routes (returns true); otherwise leaves it to the caller. */
export function serveApi(req: IncomingMessage, res: ServerResponse, services: HttpServices): boolean {
  const url = req.url ?? "/";
  if (!url.startsWith("/api/")) return false;
  const matched = matchRoute(req.method ?? "GET", url.split("?")[0]!);
  if (!matched) return false;
  void matched
    .handler(services, webRequest(req, url), matched.params)
    .catch((error: unknown) => {
      // handlers answer their own failures (respond.ts handle()); this is the last resort
      console.error("api route failed:", redactText(error instanceof Error ? error.message : String(error)));
      return errorResponse({ code: "internal", message: "something went wrong on the server" });
    })
    .then((response) => send(response, res))
    .catch(() => res.destroy());
  return true;
}

/** The Node request as the Web Request the handlers read (headers, streamed body). */
function webRequest(req: IncomingMessage, url: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "localhost"}${url}`, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.byteLength);
  res.end(body);
}
