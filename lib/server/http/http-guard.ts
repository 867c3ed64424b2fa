// The first thing every HTTP request meets (server.ts runs it before Next.js):
// security headers on every response, and for state-changing requests the
// origin check, the per-address write limit and the body size limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ErrorBody } from "../../protocol/errors";
import { HTTP_STATUS } from "../../protocol/errors";
import { clientAddress, createAddressBuckets, isLoopback, type AbuseLimits } from "../security/limits";
import { misshapenRequest } from "./request-shape";
import { bodyLimitOf } from "./routes";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The policy the app works under. Next.js streams its data in inline scripts, so
 * script-src needs 'unsafe-inline' (nonces would force every page dynamic); what
 * the policy still buys: no foreign scripts, styles, frames, plugins or form
 * targets, no framing of the app, and connections only back to this origin.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(dev = false): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(dev),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}

/** Browsers send Origin; same-origin pages and the configured origins may connect or write. Non-browser clients send none. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export interface HttpGuardOptions {
  allowedOrigins: readonly string[];
  limits: AbuseLimits;
  dev?: boolean;
  now?: () => number;
}

/** Returns a function that answers (and returns true) when a request must go no further. */
export function createHttpGuard({ allowedOrigins, limits, dev = false, now = Date.now }: HttpGuardOptions) {
  const writes = createAddressBuckets(
    { burst: limits.httpWriteBurst, perSecond: limits.httpWritesPerMinute / 60 },
    now,
  );
  const headers = securityHeaders(dev);

  function refuse(
    res: ServerResponse,
    error: ErrorBody,
    extra: Record<string, string> = {},
    status = HTTP_STATUS[error.code],
  ): true {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...extra });
    res.end(JSON.stringify({ error }));
    return true;
  }

  const guard = (req: IncomingMessage, res: ServerResponse): boolean => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const misshapen = misshapenRequest(req.method ?? "GET", req.url ?? "/");
    if (misshapen) return refuse(res, misshapen.error, misshapen.headers, misshapen.status);
    if (SAFE_METHODS.has(req.method ?? "GET")) return false;
    const origin = req.headers.origin;
    if (!originAllowed(origin, req.headers.host, allowedOrigins)) {
      return refuse(res, { code: "forbidden", message: "cross-origin requests may not change anything" });
    }
    const address = clientAddress(req.socket.remoteAddress, req.headers, limits.trustProxy);
    if (!(limits.exemptLoopback && isLoopback(address))) {
      const retryAfter = writes.take(address);
      if (retryAfter > 0)
        return refuse(
          res,
          { code: "rate_limited", message: "too many requests from your address; slow down" },
          { "retry-after": String(retryAfter) },
        );
    }
    const length = Number(req.headers["content-length"] ?? 0);
    const limit = bodyLimitOf(req.method ?? "POST", req.url ?? "/");
    if (length > limit.bytes)
      return refuse(
        res,
        { code: "invalid_payload", message: `the body is larger than ${limit.label}` },
        { connection: "close" },
        limit.status,
      );
    return false;
  };
  return guard;
}

/**
 * CONNECT asks the server to be a proxy; Node hands it to a "connect" listener
 * and, without one, drops the connection unanswered. It gets a plain 405.
 */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  const body = JSON.stringify({ error: { code: "not_found", message: "CONNECT is not served here" } });
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * A request Node's parser cannot read (an unknown method, a broken header, a
 * body both chunked and sized) or that came too slowly: answered with the
 * contract's error body instead of Node's bare status line, then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "the request's headers are too large"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "the request did not arrive in time"]
        : [400, "Bad Request", "the request is not valid HTTP"];
  const body = JSON.stringify({ error: { code: "invalid_payload", message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
