// GET /metrics, answered by the Node server before Next.js (it needs the
// peer's address, and must answer while the app is busy or starting). Per the
// contract: without METRICS_TOKEN only loopback may read it; with it, only
// `Authorization: Bearer <METRICS_TOKEN>` (none: 401, wrong: 403).
import "../db/server-only";
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isLoopback } from "../security/limits";
import type { Metrics } from "./metrics";

export const METRICS_PATH = "/metrics";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers /metrics and returns true; false for any other path. */
export function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: () => Metrics | null,
  token: string | undefined,
): boolean {
  if ((req.url ?? "").split("?")[0] !== METRICS_PATH) return false;
  void answer(req, res, metrics, token);
  return true;
}

function refusal(req: IncomingMessage, res: ServerResponse, token: string | undefined): [number, string] | null {
  if (req.method !== "GET" && req.method !== "HEAD") return [405, ""];
  if (token) {
    const header = req.headers.authorization;
    if (!header) return [401, "metrics need Authorization: Bearer <METRICS_TOKEN>\n"];
    if (!sameSecret(header, `Bearer ${token}`)) return [403, "wrong metrics token\n"];
  } else if (!isLoopback(req.socket.remoteAddress ?? "")) {
    return [403, "metrics are served to loopback only; set METRICS_TOKEN to read them from elsewhere\n"];
  }
  return null;
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: () => Metrics | null,
  token: string | undefined,
): Promise<void> {
  const plain = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
  const refused = refusal(req, res, token);
  if (refused) {
    const [status, message] = refused;
    res.writeHead(status, status === 405 ? { ...plain, allow: "GET, HEAD" } : plain).end(message);
    return;
  }
  const current = metrics();
  if (!current) {
    res.writeHead(503, plain).end("starting\n");
    return;
  }
  try {
    const text = await current.registry.metrics();
    res.writeHead(200, { "content-type": current.registry.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : text);
  } catch {
    res.writeHead(500, plain).end("could not collect metrics\n");
  }
}
