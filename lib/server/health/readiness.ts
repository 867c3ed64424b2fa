// /readyz for load balancers: not ready while the process is starting (Next.js
// still preparing), while it drains after SIGTERM, or while a dependency is
// down. Answered by the Node server itself, before Next.js, so it works in
// every one of those phases; /healthz (a route like any other) says only
// whether the dependencies are up.
import "../db/server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { healthy, type HealthReport } from "./dependency-health";

export type Phase = "starting" | "ready" | "draining";

export interface Readiness {
  phase(): Phase;
  /** Next.js is prepared and the port is open. */
  started(): void;
  /** SIGTERM: stop being offered new work; in-flight work carries on. */
  drain(): void;
  /** Answers GET/HEAD /readyz; false for any other path, which the caller serves. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export const READYZ_PATH = "/readyz";

export function createReadiness(check: () => Promise<HealthReport>): Readiness {
  let phase: Phase = "starting";

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const report = phase === "ready" ? await check() : null;
    const ready = report !== null && healthy(report);
    const body = { status: ready ? "ready" : phase === "ready" ? "unavailable" : phase, ...report };
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : JSON.stringify(body));
  }

  return {
    phase: () => phase,
    started() {
      if (phase === "starting") phase = "ready";
    },
    drain() {
      phase = "draining";
    },
    handle(req, res) {
      const path = (req.url ?? "").split("?")[0];
      if (path !== READYZ_PATH) return false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return true;
      }
      void answer(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(503).end();
      });
      return true;
    },
  };
}
