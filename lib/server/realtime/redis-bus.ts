// Scale-out: with REDIS_URL, Socket.IO rooms span every node through
// @socket.io/redis-adapter on ioredis (which restores its subscriptions after a
// Redis restart). Nothing else in WarRoom imports Redis.
import "../db/server-only";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Logger } from "../logger";

export interface RedisBus {
  adapter: ReturnType<typeof createAdapter>;
  /** both connections are up: broadcasts reach the other nodes */
  ready(): boolean;
  ping(): Promise<void>;
  /** called each time both connections are back after an outage */
  onRecovered(listener: () => void): void;
  close(): Promise<void>;
}

export async function connectRedisBus(url: string, logger: Logger): Promise<RedisBus> {
  const options = {
    lazyConnect: true,
    // keep retrying while Redis is away; commands are refused meanwhile (see ready())
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    maxRetriesPerRequest: 2,
  };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  const listeners: (() => void)[] = [];
  let wasDown = false;
  for (const client of [pub, sub]) {
    client.on("error", () => {}); // reported through status and health, not as crashes
    client.on("close", () => {
      if (!wasDown) logger.warn("lost the connection to Redis");
      wasDown = true;
    });
    client.on("ready", () => {
      if (wasDown && pub.status === "ready" && sub.status === "ready") {
        wasDown = false;
        logger.info("Redis is back");
        for (const listener of listeners) listener();
      }
    });
  }
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`cannot connect to Redis at ${new URL(url).host}: ${(error as Error).message}`, { cause: error });
  }
  return {
    adapter: createAdapter(pub, sub),
    ready: () => pub.status === "ready" && sub.status === "ready",
    ping: async () => void (await pub.ping()),
    onRecovered: (listener) => void listeners.push(listener),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
