// One log line (and the request metrics) per HTTP request when its response is finished: method, path
// (never the query string, where a seat token may travel), status, duration,
// the session it concerns and a request id. The id is the caller's
// X-Request-Id when it is a sane one (a proxy's), else a new one; either way
// the response carries it, so a person reporting a problem can quote it.
import "../db/server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger";
import { pathKind, type Metrics } from "../metrics/metrics";

const SANE_REQUEST_ID = /^[\w.-]{1,64}$/;
const SESSION_IN_PATH = /^\/(?:api\/)?sessions\/([^/?#]+)/;

export function requestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, metrics?: Metrics): void {
  const started = performance.now();
  const id = requestId(req);
  res.setHeader("x-request-id", id);
  res.once("finish", () => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const seconds = (performance.now() - started) / 1000;
    metrics?.httpRequests.inc({ method: req.method ?? "?", status: res.statusCode });
    metrics?.httpDuration.observe({ kind: pathKind(path) }, seconds);
    // the app's own scripts and styles are many and say little: kept for debugging
    const level = path.startsWith("/_next/") ? "debug" : "info";
    logger[level]("request", {
      request_id: id,
      method: req.method,
      path: path.slice(0, 200),
      status: res.statusCode,
      duration_ms: Math.round(seconds * 10_000) / 10,
      ...(SESSION_IN_PATH.test(path) ? { session_id: SESSION_IN_PATH.exec(path)![1]!.slice(0, 64) } : {}),
    });
  });
}
