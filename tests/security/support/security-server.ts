// A real WarRoom on an ephemeral port with the production HTTP path in front:
// the HTTP guard (headers, origins, per-address write limit, body size), then
// the API route table dispatching real Web Requests to the api handlers, and
// Socket.IO on the same port. Everything it logs is kept for the tests to read.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Socket } from "socket.io-client";
import { answerClientError, createHttpGuard, refuseConnect } from "../../../lib/server/http/http-guard";
import type { HttpServices } from "../../../lib/server/http/registry";
import { matchRoute } from "../../../lib/server/http/routes";
import { createLogger } from "../../../lib/server/logger";
import type { RateLimit } from "../../../lib/server/realtime/rate-limit";
import { DEFAULT_LIMITS, type AbuseLimits } from "../../../lib/server/security/limits";
import { createWarRoom, type WarRoom } from "../../../lib/server/warroom";
import { createTestDatabase } from "../../support/test-database";
import { connectTestClient } from "../../support/test-server";

export interface SecurityServer {
  url: string;
  warroom: WarRoom;
  services: HttpServices;
  /** every line the server logged (already redacted) */
  logs: string[];
  client(options?: { extraHeaders?: Record<string, string> }): Promise<Socket>;
  close(): Promise<void>;
}

export async function startSecurityServer(
  options: { limits?: Partial<AbuseLimits>; rateLimit?: RateLimit; allowedOrigins?: string[] } = {},
): Promise<SecurityServer> {
  const database = await createTestDatabase();
  const db = await database.open();
  const logs: string[] = [];
  const logger = createLogger("debug", (line) => logs.push(line));
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const allowedOrigins = options.allowedOrigins ?? [];
  const guard = createHttpGuard({ allowedOrigins, limits });
  let services: HttpServices | null = null;

  const httpServer = createServer((req, res) => {
    if (guard(req, res)) return;
    void dispatch(req, res).catch((error: Error) => {
      logs.push(`error test dispatch failed ${error.message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://warroom.test");
    const match = matchRoute(req.method ?? "GET", url.pathname);
    if (!match || !services) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "not_found", message: "no such route" } }));
      return;
    }
    const request = toWebRequest(req, `http://${req.headers.host ?? "127.0.0.1"}${req.url}`);
    const response = await match.handler(services, request, match.params);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  httpServer.on("connect", refuseConnect);
  httpServer.on("clientError", answerClientError);
  const warroom = await createWarRoom({
    httpServer,
    db,
    logger,
    limits,
    allowedOrigins,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  services = warroom.http;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: Socket[] = [];
  return {
    url,
    warroom,
    services: warroom.http,
    logs,
    client: (clientOptions = {}) => connectTestClient(url, clients, clientOptions),
    async close() {
      for (const socket of clients) socket.disconnect();
      await warroom.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await db.close().catch(() => {});
      await database.drop();
    },
  };
}

/** The Web Request Next.js would hand a route handler: the body streams, so size limits apply while reading. */
function toWebRequest(req: IncomingMessage, url: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // a header value fetch would refuse; Next drops those too
    }
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}
