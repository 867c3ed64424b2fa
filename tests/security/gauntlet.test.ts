// The gauntlet: 10,000 seeded hostile socket messages and 2,000 malformed HTTP
// requests against a live server while a legitimate admin and seat run a draft
// on it. Afterwards the server must be up, its memory back near where it began,
// nothing unhandled, every answer a contract answer, and the draft's log exactly
// what the legitimate actions alone write.
import { request as httpRequest } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Socket } from "socket.io-client";
import { ERROR_CODES, HTTP_STATUS } from "../../lib/protocol/errors";
import { backendName } from "../support/test-database";
import { request } from "../support/test-server";
import { until } from "../support/until";
import { garbage, mutate, prng, SOCKET_EVENTS, template, type Rng } from "./support/fuzz";
import { httpCase, type HttpCase } from "./support/http-fuzz";
import { createLegitDraft, normaliseLog, runLegitDraft } from "./support/legit-draft";
import { startSecurityServer, type SecurityServer } from "./support/security-server";

jest.setTimeout(120_000);

const SEED = 7_2026;
const SOCKET_MESSAGES = 10_000;
const HTTP_REQUESTS = 2_000;
const POOL_SOCKETS = 12;
const IN_FLIGHT_PER_SOCKET = 16;
const HTTP_CONCURRENCY = 16;
/** what the heap may keep after the gauntlet, with a full GC before both readings */
const HEAP_MARGIN_BYTES = 24 * 1024 * 1024;
/** Engine.IO's limit is 64 KiB; a message near it goes on a throwaway connection */
const POOL_MESSAGE_LIMIT = 60_000;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAfterGc = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
};

const codes = new Set<string>(ERROR_CODES);
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let server: SecurityServer;
const consoleErrors: unknown[][] = [];
beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUnhandled);
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
  server = await startSecurityServer({
    rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
    // loopback is limited here (it is exempt by default) so the per-address paths run too
    limits: { exemptLoopback: false, connectionsPerIp: 1000, httpWriteBurst: 100_000, httpWritesPerMinute: 6_000_000 },
  });
});
afterAll(async () => {
  await server.close();
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
});

type Answer = { ok: boolean; error?: { code: string; message: string } };
function isContractAnswer(answer: unknown): boolean {
  if (!answer || typeof answer !== "object") return false;
  const a = answer as Answer;
  if (a.ok === true) return true;
  return a.ok === false && !!a.error && codes.has(a.error.code) && typeof a.error.message === "string";
}

/** One socket message: its event, its arguments and how it is sent. */
type Message = {
  kind: "ack" | "no_ack" | "throwaway";
  event: string | number;
  args: unknown[];
  raw?: string;
  engineRaw?: string;
};

function socketMessage(rng: Rng, sessionId: string): Message {
  const roll = rng.next();
  const event = rng.pick(SOCKET_EVENTS);
  if (roll < 0.2) return { kind: "ack", event, args: [garbage(rng)] };
  if (roll < 0.62) return { kind: "ack", event, args: [mutate(rng, template(rng, event, sessionId))] };
  if (roll < 0.72) {
    const unknown = rng.pick([
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "admin",
      "drop_table",
      "x".repeat(rng.int(200) + 1),
      "join_session ",
      "JOIN_SESSION",
      "make-pick",
    ]);
    return { kind: "ack", event: rng.chance(0.1) ? rng.int(1000) : unknown, args: [template(rng, event, sessionId)] };
  }
  if (roll < 0.77)
    return {
      kind: "ack",
      event,
      args: rng.chance(0.5) ? [] : [template(rng, event, sessionId), garbage(rng), garbage(rng)],
    };
  if (roll < 0.82) {
    const bytes = Buffer.from(Array.from({ length: rng.int(4000) + 1 }, () => rng.int(256)));
    return {
      kind: "ack",
      event,
      args: [rng.chance(0.5) ? bytes : { ...template(rng, event, sessionId), blob: bytes, session_id: bytes }],
    };
  }
  if (roll < 0.95)
    return { kind: "no_ack", event, args: [rng.chance(0.5) ? template(rng, event, sessionId) : garbage(rng)] };
  // these may close their connection: each gets a connection of its own
  const raws = [
    `2["make_pick"`,
    `2[]`,
    `2[null]`,
    `2["disconnect"]`,
    `2["connect"]`,
    `2{"a":1}`,
    `51-["make_pick",{"_placeholder":true,"num":99}]`,
    `59999999-["ping",{}]`,
    `0/admin,`,
    `2/nope,["ping",{"client_time":1}]`,
    `3`,
    `4"boom"`,
    `9`,
    `21["__proto__",{}]`,
    `2["ping",${"[".repeat(5000)}${"]".repeat(5000)}]`,
  ];
  const roll2 = rng.int(3);
  if (roll2 === 0)
    return { kind: "throwaway", event, args: [{ session_id: sessionId, pad: "p".repeat(66_000 + rng.int(20_000)) }] };
  if (roll2 === 1) return { kind: "throwaway", event, args: [], raw: rng.pick(raws) };
  return {
    kind: "throwaway",
    event,
    args: [],
    engineRaw: rng.pick(["", "9", "7x", "4", "1", "6", "2probe", "x".repeat(100), "4" + "[".repeat(3000)]),
  };
}

/**
 * Sends a case as written, through node:http rather than fetch: fetch will not
 * send TRACE or CONNECT, and the gauntlet must be able to.
 */
function rawRequest(
  base: string,
  c: HttpCase,
): Promise<{ status: number; headers: { get(name: string): string | null }; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + c.path, { method: c.method, headers: c.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const header = (name: string) => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        };
        resolve({
          status: res.statusCode ?? 0,
          headers: { get: header },
          text: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.on("error", reject);
    req.end(c.body);
  });
}

describe(`the gauntlet (${backendName})`, () => {
  test("10,000 hostile socket messages and 2,000 malformed HTTP requests change nothing but what the legitimate client did", async () => {
    const rng = prng(SEED);
    const draft = await createLegitDraft(server.warroom);
    const secrets = [draft.adminKey, draft.seat("CHI")!];

    // warm up the paths (first requests compile, pools load) before the first heap reading
    const warm = await server.client();
    await request(warm, "join_session", { session_id: draft.sessionId });
    await fetch(`${server.url}/api/sessions/${draft.sessionId}`);
    warm.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const heapBefore = await heapAfterGc();

    const counts = {
      imported: 0,
      acked: 0,
      okAnswers: 0,
      errorAnswers: 0,
      noAck: 0,
      throwaway: 0,
      closedByServer: 0,
      refusedConnections: 0,
      http: 0,
      byCode: {} as Record<string, number>,
      byStatus: {} as Record<number, number>,
    };
    const bad: string[] = [];
    const messages = Array.from({ length: SOCKET_MESSAGES }, () => socketMessage(rng, draft.sessionId));
    for (const message of messages) {
      if (message.kind !== "throwaway" && JSON.stringify(message.args).length > POOL_MESSAGE_LIMIT)
        message.kind = "throwaway";
    }
    // a league of its own for hostile imports: its key reaches the pool routes' checks, never the draft
    const importer = await server.warroom.access.createLeague("Hostile importer");
    secrets.push(importer.admin_key);
    const poolsBefore = (await server.warroom.pools.list({ kind: "imported" })).length;
    const httpCases = Array.from({ length: HTTP_REQUESTS }, () =>
      httpCase(rng, draft.sessionId, server.url, importer.admin_key),
    );

    // the legitimate admin and seat draft the whole time
    const legit = runLegitDraft(draft, server.warroom, () => server.client());

    // pooled attacker sockets: many messages in flight on each
    const pool = await Promise.all(Array.from({ length: POOL_SOCKETS }, () => server.client()));
    let poolDisconnects = 0;
    for (const socket of pool) socket.on("disconnect", () => poolDisconnects++);
    const pooled = messages.filter((m) => m.kind !== "throwaway");
    const throwaways = messages.filter((m) => m.kind === "throwaway");

    const sendPooled = async (socket: Socket, queue: Message[]) => {
      const inFlight = new Set<Promise<void>>();
      for (const message of queue) {
        if (message.kind === "no_ack") {
          counts.noAck++;
          socket.emit(message.event as string, ...message.args);
          continue;
        }
        const sent = socket
          .timeout(20_000)
          .emitWithAck(message.event as string, ...message.args)
          .then((answer: unknown) => {
            counts.acked++;
            if (!isContractAnswer(answer))
              bad.push(`socket ${String(message.event).slice(0, 40)}: ${JSON.stringify(answer).slice(0, 200)}`);
            const a = answer as Answer;
            if (a.ok) counts.okAnswers++;
            else {
              counts.errorAnswers++;
              counts.byCode[a.error!.code] = (counts.byCode[a.error!.code] ?? 0) + 1;
            }
            if (secrets.some((secret) => JSON.stringify(answer).includes(secret)))
              bad.push(`an answer carried a secret`);
          })
          .catch(
            (error: Error) =>
              void bad.push(`socket ${String(message.event).slice(0, 40)} unanswered: ${error.message}`),
          )
          .finally(() => inFlight.delete(sent));
        inFlight.add(sent);
        if (inFlight.size >= IN_FLIGHT_PER_SOCKET) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    };

    const sendThrowaway = async (message: Message) => {
      counts.throwaway++;
      let socket: Socket;
      try {
        socket = await server.client();
      } catch {
        counts.refusedConnections++;
        return;
      }
      const closed = new Promise<boolean>((resolve) => {
        socket.once("disconnect", () => resolve(true));
        setTimeout(() => resolve(false), 300);
      });
      const engine = socket.io.engine as unknown as {
        send(data: string): void;
        transport: { ws?: { send(data: string): void } };
      };
      if (message.raw !== undefined) engine.send(message.raw);
      else if (message.engineRaw !== undefined) engine.transport.ws?.send(message.engineRaw);
      else socket.emit(message.event as string, ...message.args, () => {});
      if (await closed) counts.closedByServer++;
      socket.disconnect();
    };

    const sendHttp = async (index: number) => {
      const c = httpCases[index]!;
      const response = await rawRequest(server.url, c);
      counts.http++;
      counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
      const { text } = response;
      if (secrets.some((secret) => text.includes(secret)))
        bad.push(`HTTP ${c.method} ${c.path.slice(0, 60)} leaked a secret`);
      if (response.status >= 500)
        bad.push(
          `HTTP ${c.method} ${c.path.slice(0, 60)} → ${response.status}: a malformed request must never be a server fault`,
        );
      if (response.status < 400) return;
      let body: { error?: { code?: string } } | null;
      try {
        body = JSON.parse(text);
      } catch {
        return void bad.push(`HTTP ${c.method} ${c.path.slice(0, 60)} → ${response.status} without a JSON error body`);
      }
      const code = body?.error?.code;
      // the import's body limit answers 413 and a method a route does not serve 405 with Allow
      // (PROTOCOL.md v2); every other failure the code's own status
      const expected =
        response.status === 413 && c.method === "POST" && c.path.startsWith("/api/pools")
          ? "invalid_payload"
          : response.status === 405
            ? "not_found"
            : null;
      if (response.status === 405 && !response.headers.get("allow"))
        bad.push(`HTTP ${c.method} ${c.path.slice(0, 60)} → 405 without Allow`);
      if (
        code === undefined ||
        !codes.has(code) ||
        (expected ? code !== expected : HTTP_STATUS[code as keyof typeof HTTP_STATUS] !== response.status)
      )
        bad.push(`HTTP ${c.method} ${c.path.slice(0, 60)} → ${response.status} ${text.slice(0, 120)}`);
      if (c.method === "POST" && c.path.startsWith("/api/pools") && response.status < 300) counts.imported++;
      if (code === "rate_limited" && !response.headers.get("retry-after")) bad.push("a 429 without Retry-After");
    };

    const started = Date.now();
    const shares = pool.map((_, i) => pooled.filter((_m, j) => j % POOL_SOCKETS === i));
    let nextThrowaway = 0;
    let nextHttp = 0;
    const [legitResult] = await Promise.all([
      legit,
      ...pool.map((socket, i) => sendPooled(socket, shares[i]!)),
      ...Array.from({ length: 6 }, async () => {
        while (nextThrowaway < throwaways.length) await sendThrowaway(throwaways[nextThrowaway++]!);
      }),
      ...Array.from({ length: HTTP_CONCURRENCY }, async () => {
        while (nextHttp < httpCases.length)
          await sendHttp(nextHttp++).catch((error: Error) => void bad.push(`HTTP failed: ${error.message}`));
      }),
    ]);
    const elapsed = Date.now() - started;
    const sent = { socket: messages.length, throwaway: throwaways.length };
    // the generated input is large (long strings, huge arrays): let it go before the heap is read again
    for (const list of [messages, pooled, throwaways, httpCases, ...shares]) list.length = 0;

    // the server is up and answers
    const probe = await server.client();
    expect((await request(probe, "ping", { client_time: 1 })).ok).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    probe.disconnect();
    const droppedPoolSockets = poolDisconnects;
    for (const socket of pool) socket.disconnect();

    // every answer was a contract answer, and no pooled socket was dropped
    expect(bad.slice(0, 10)).toEqual([]);
    expect(counts.acked + counts.noAck + sent.throwaway).toBe(SOCKET_MESSAGES);
    expect(droppedPoolSockets).toBe(0);

    // hostile imports saved exactly what they were told they saved, and polluted nothing
    expect((await server.warroom.pools.list({ kind: "imported" })).length - poolsBefore).toBe(counts.imported);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // the legitimate draft is intact: complete, with exactly the picks the seat made
    const snapshot = await server.warroom.reads.snapshot(draft.sessionId);
    expect(snapshot.status).toBe("complete");
    expect(snapshot.picks.filter((p) => p.team_id === "CHI" && !p.auto).map((p) => p.player.player_id)).toEqual(
      legitResult.myPicks,
    );

    // the persisted log is what the same legitimate actions write on a quiet server
    const reference = await createLegitDraft(server.warroom);
    await runLegitDraft(reference, server.warroom, () => server.client());
    const attackedLog = await server.warroom.queries.events(draft.sessionId, 0, 1000);
    const quietLog = await server.warroom.queries.events(reference.sessionId, 0, 1000);
    expect(attackedLog.length).toBeGreaterThan(60);
    expect(normaliseLog(attackedLog)).toEqual(normaliseLog(quietLog));

    // nothing unhandled, nothing logged as a failure, no secret in any log line: once every queued command
    // has finished and a fresh connection's round trip has come back, all the server was sent has been handled
    await server.warroom.settled();
    const last = await server.client();
    expect((await request(last, "ping", { client_time: 1 })).ok).toBe(true);
    last.disconnect();
    expect(unhandled).toEqual([]);
    // every line the server logged is one JSON object, and none of them at level error
    const parsed = server.logs.map((line) => {
      try {
        return JSON.parse(line) as { level?: string };
      } catch {
        return { level: "error", unparsable: line };
      }
    });
    expect(parsed.filter((entry) => entry.level === "error")).toEqual([]);
    // the log speaks of what was done: a line per command, with its outcome
    expect(parsed.some((entry) => "event" in entry && "outcome" in entry && "duration_ms" in entry)).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(server.logs.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    // every socket has been closed by its client: the server counts each close when it sees it
    await until("every connection to be counted closed", () => server.warroom.connectionAddresses() === 0);

    const heapAfter = await heapAfterGc();
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      [
        `gauntlet (${backendName}, seed ${SEED}) in ${(elapsed / 1000).toFixed(1)} s:`,
        `  socket messages: ${sent.socket} = ${counts.acked} answered (${counts.okAnswers} ok, ${counts.errorAnswers} errors ${JSON.stringify(counts.byCode)}) + ${counts.noAck} without ack (ignored) + ${counts.throwaway} on throwaway connections (${counts.closedByServer} closed by the server, ${counts.refusedConnections} refused)`,
        `  HTTP requests: ${counts.http} by status ${JSON.stringify(counts.byStatus)}; draft classes a hostile import saved: ${counts.imported}`,
        `  legitimate client: ${legitResult.actions} actions, ${legitResult.picksSeen} picks seen, log of ${attackedLog.length} events identical to the quiet run`,
        `  heap after GC: ${mb(heapBefore)} before, ${mb(heapAfter)} after (bound +${mb(HEAP_MARGIN_BYTES)}); unhandled rejections: ${unhandled.length}`,
      ].join("\n"),
    );
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_MARGIN_BYTES);
  });
});
