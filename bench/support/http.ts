// JSON over HTTP to a WarRoom server. A 429 (a rate limit the server may add)
// is waited out and retried, and counted so the report can say it bit.
import { sleep } from "./clock";

export const httpStats = { retried429: 0 };

export async function httpJson<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(60_000),
    });
    if (response.status === 429 && attempt < 20) {
      httpStats.retried429++;
      const after = Number(response.headers.get("retry-after"));
      await response.body?.cancel();
      await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : 250 * (attempt + 1));
      continue;
    }
    const text = await response.text();
    if (!response.ok)
      throw new Error(
        `${init.method ?? (init.body === undefined ? "GET" : "POST")} ${url} → ${response.status} ${text.slice(0, 300)}`,
      );
    return JSON.parse(text) as T;
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
