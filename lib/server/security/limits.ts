// Abuse limits: what one address, one league or one session may hold or send.
// Every number is configurable through the environment (README, "Security").
import type { IncomingHttpHeaders } from "node:http";
import { createTokenBucket, type RateLimit } from "../realtime/rate-limit";

export interface AbuseLimits {
  /** concurrent Socket.IO connections from one address (per node) */
  connectionsPerIp: number;
  /** HTTP writes (POST, PUT, PATCH, DELETE) from one address: a burst, then this many per minute */
  httpWriteBurst: number;
  httpWritesPerMinute: number;
  /** sockets in one session's room on one node; seats and admins always get in, spectators beyond it are refused */
  socketsPerSession: number;
  /** lobby, running or paused sessions one league may have at once */
  activeSessionsPerLeague: number;
  /** outgoing packets a socket may leave unread before it is dropped as too slow */
  slowClientPackets: number;
  /** loopback addresses (127.0.0.0/8, ::1) skip the per-address limits (local tools, benchmarks) */
  exemptLoopback: boolean;
  /** behind a reverse proxy: take the client address from the last X-Forwarded-For hop */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  connectionsPerIp: 200,
  httpWriteBurst: 60,
  httpWritesPerMinute: 120,
  socketsPerSession: 5000,
  activeSessionsPerLeague: 100,
  slowClientPackets: 1000,
  exemptLoopback: true,
  trustProxy: false,
};

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** The client's address: the TCP peer, or the last X-Forwarded-For hop when a trusted proxy sits in front. */
export function clientAddress(
  remoteAddress: string | undefined,
  headers: IncomingHttpHeaders,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = headers["x-forwarded-for"];
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last.slice(0, 64);
  }
  return remoteAddress ?? "unknown";
}

/** Concurrent connections per address; entries disappear when their count returns to zero. */
export function createConnectionCounter(limit: number) {
  const open = new Map<string, number>();
  return {
    full: (address: string) => (open.get(address) ?? 0) >= limit,
    opened(address: string): () => void {
      open.set(address, (open.get(address) ?? 0) + 1);
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      };
    },
    size: () => open.size,
  };
}

/** One token bucket per address; idle buckets (full again) are forgotten, so the map cannot grow without bound. */
export function createAddressBuckets(rate: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { bucket: ReturnType<typeof createTokenBucket>; touched: number }>();
  const fullAfterMs = (rate.burst / rate.perSecond) * 1000;
  let lastSweep = now();
  return {
    /** 0 when the request may go through, else the seconds until it may */
    take(address: string): number {
      const t = now();
      if (t - lastSweep > 60_000) {
        lastSweep = t;
        for (const [key, entry] of buckets) if (t - entry.touched > fullAfterMs) buckets.delete(key);
      }
      let entry = buckets.get(address);
      if (!entry) buckets.set(address, (entry = { bucket: createTokenBucket(rate, now), touched: t }));
      entry.touched = t;
      return entry.bucket.take() ? 0 : Math.max(1, Math.ceil(1 / rate.perSecond));
    },
    size: () => buckets.size,
  };
}
