// Secrets (never logged, revocable at once), browser safety (origins, headers)
// and the abuse limits, against a real server with the production HTTP path.
import { request as httpRequest } from "node:http";
import { io as connect } from "socket.io-client";
import { ContractError } from "../../lib/protocol/errors";
import { api } from "../../lib/server/http/api";
import { errorResponse } from "../../lib/server/http/respond";
import { createLogger } from "../../lib/server/logger";
import { createDraft } from "../support/fixtures";
import { backendName } from "../support/test-database";
import { until } from "../support/until";
import { nextEvent, request } from "../support/test-server";
import { startSecurityServer, type SecurityServer } from "./support/security-server";
import { ADMIN } from "../../lib/server/sessions/access";

jest.setTimeout(60_000);

const PARTNER = "https://partner.example";
let open: SecurityServer;
let strict: SecurityServer;
beforeAll(async () => {
  // defaults: loopback exempt from the per-address limits
  open = await startSecurityServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
  strict = await startSecurityServer({
    allowedOrigins: [PARTNER],
    limits: {
      exemptLoopback: false,
      httpWriteBurst: 3,
      httpWritesPerMinute: 60,
      connectionsPerIp: 4,
      socketsPerSession: 2,
      activeSessionsPerLeague: 2,
    },
  });
});
afterAll(async () => {
  await open?.close();
  await strict?.close();
});

const post = (server: SecurityServer, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe(`secrets (${backendName})`, () => {
  test("rotating a seat token demotes the sockets holding it at once, and only the new token opens the seat", async () => {
    const draft = await createDraft(open.warroom);
    await open.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    const holder = await open.client();
    const watcher = await open.client();
    await request(holder, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") });
    await request(watcher, "join_session", { session_id: draft.sessionId });
    const revoked = nextEvent(holder, "seat_revoked");

    const rotated = await post(open, `/api/sessions/${draft.sessionId}/seats/CHI/token`, undefined, {
      authorization: `Bearer ${draft.adminKey}`,
    });
    expect(rotated.status).toBe(200);
    const { token } = await rotated.json();
    expect(await revoked).toEqual({ session_id: draft.sessionId, team_id: "CHI" });
    // the socket that joined with the old token is a spectator now
    expect(
      (await request(holder, "make_pick", { session_id: draft.sessionId, team_id: "CHI", player_id: "WillCa03" })).error
        ?.code,
    ).toBe("forbidden");
    expect(
      (await request(holder, "set_queue", { session_id: draft.sessionId, team_id: "CHI", player_ids: [] })).error?.code,
    ).toBe("forbidden");
    const presence = await nextEvent(watcher, "presence", 3000);
    expect(presence.teams.find((t) => t.team_id === "CHI")?.connected).toBe(false);
    // the old token opens nothing anywhere; the new one opens the seat
    const late = await open.client();
    expect(
      (await request(late, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") })).error?.code,
    ).toBe("unauthorized");
    expect(await request(late, "join_session", { session_id: draft.sessionId, token })).toMatchObject({
      ok: true,
      role: "team",
      team_id: "CHI",
    });
    expect(
      (
        await request(late, "make_pick", {
          session_id: draft.sessionId,
          team_id: "CHI",
          player_id: "WillCa03",
          expected_overall: 1,
        })
      ).ok,
    ).toBe(true);
  });

  test("replacing a league's admin key ends the old one at once, for HTTP, the console's cookie and admin sockets", async () => {
    const draft = await createDraft(open.warroom);
    const other = await createDraft(open.warroom);
    const admin = await open.client();
    const watcher = await open.client();
    expect(await request(admin, "join_session", { session_id: draft.sessionId, token: draft.adminKey })).toMatchObject({
      ok: true,
      role: "admin",
    });
    await request(watcher, "join_session", { session_id: draft.sessionId });
    const revoked = nextEvent(admin, "admin_revoked");
    const watcherHeard = nextEvent(watcher, "admin_revoked", 1000).catch(() => "nothing");

    const rotated = await post(open, "/api/admin/key", undefined, { authorization: `Bearer ${draft.adminKey}` });
    expect(rotated.status).toBe(200);
    const { admin_key: fresh, league_id } = await rotated.json();
    expect(fresh).toMatch(/^adm_[\w-]{43}$/);
    expect(fresh).not.toBe(draft.adminKey);
    // the console's cookie is swapped for the new key in the same answer
    expect(rotated.headers.get("set-cookie")).toContain(`warroom_admin=${fresh}`);
    expect(await revoked).toEqual({ session_id: draft.sessionId });
    expect(await watcherHeard).toBe("nothing");
    expect((await request(admin, "admin_action", { session_id: draft.sessionId, action: "start" })).error?.code).toBe(
      "forbidden",
    );

    const me = (key: string) => fetch(`${open.url}/api/admin/session`, { headers: { authorization: `Bearer ${key}` } });
    expect((await me(draft.adminKey)).status).toBe(401);
    expect(await (await me(fresh)).json()).toMatchObject({ league_id });
    expect((await post(open, "/api/admin/key", undefined, { authorization: `Bearer ${draft.adminKey}` })).status).toBe(
      401,
    );
    expect(
      (
        await post(
          open,
          `/api/sessions/${draft.sessionId}/actions`,
          { action: "start" },
          { authorization: `Bearer ${draft.adminKey}` },
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await post(
          open,
          `/api/sessions/${draft.sessionId}/actions`,
          { action: "start" },
          { authorization: `Bearer ${fresh}` },
        )
      ).status,
    ).toBe(200);
    // another league's key is untouched
    expect((await me(other.adminKey)).status).toBe(200);
    // a socket joining with the old key watches; with the new one it is the admin again
    const late = await open.client();
    expect(
      (await request(late, "join_session", { session_id: draft.sessionId, token: draft.adminKey })).error?.code,
    ).toBe("unauthorized");
    expect(await request(late, "join_session", { session_id: draft.sessionId, token: fresh })).toMatchObject({
      ok: true,
      role: "admin",
    });
  });

  test("log lines and error bodies never carry a key, a token, an Authorization or a Cookie", async () => {
    const lines: string[] = [];
    const logger = createLogger("debug", (line) => lines.push(line));
    const key = "adm_" + "k".repeat(43);
    const seat = "seat_" + "s".repeat(43);
    logger.error(`join failed for ${seat}`, {
      token: "plain-token",
      admin_key: key,
      headers: { authorization: `Bearer ${key}`, cookie: `warroom_admin=${key}` },
      note: `sent ${seat} and ${key}`,
      list: [key],
    });
    logger.info("ok", { nested: { deeper: { token: "x", text: seat } } });
    const all = lines.join("\n");
    for (const secret of [key, seat, "plain-token", "k".repeat(43), "s".repeat(43)]) expect(all).not.toContain(secret);
    // one JSON object per line, the message and level where a collector looks for them
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ level: "error", msg: "join failed for seat_[redacted]", token: "[redacted]" }),
      expect.objectContaining({
        level: "info",
        msg: "ok",
        nested: { deeper: { token: "[redacted]", text: "seat_[redacted]" } },
      }),
    ]);
    expect(all).toContain("[redacted]");
    const body = await errorResponse(new ContractError("unauthorized", `unknown token ${seat}`).toBody()).text();
    expect(body).not.toContain("s".repeat(43));
    // admin keys and seat tokens are 256-bit, stored only as digests
    const league = await open.warroom.access.createLeague("Digest check");
    expect(league.admin_key).toMatch(/^adm_[\w-]{43}$/);
    const stored = await open.warroom.db.prisma.league.findFirst({ where: { id: league.league_id } });
    expect(JSON.stringify(stored)).not.toContain(league.admin_key);
  });
});

describe(`browser safety (${backendName})`, () => {
  test("a state-changing request from a foreign origin is forbidden; same-origin, configured and non-browser ones pass", async () => {
    const foreign = await post(strict, "/api/leagues", { name: "x" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe("forbidden");
    expect((await post(strict, "/api/leagues", { name: "x" }, { origin: "null" })).status).toBe(403);
    expect((await post(strict, "/api/leagues", { name: "x" }, { origin: strict.url })).status).toBe(201);
    expect((await post(strict, "/api/leagues", { name: "x" }, { origin: PARTNER })).status).toBe(201);
    const signOut = await fetch(strict.url + "/api/admin/session", {
      method: "DELETE",
      headers: { origin: "https://evil.example" },
    });
    expect(signOut.status).toBe(403);
    // reads are not state-changing: a foreign page may read the public lobby (the browser keeps the answer from it without CORS)
    expect((await fetch(strict.url + "/api/pools", { headers: { origin: "https://evil.example" } })).status).toBe(200);
    // sockets: the same rule at the handshake
    const evil = connect(open.url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: "https://evil.example" },
    });
    const refusal = await new Promise<Error | "connected">((resolve) => {
      evil.once("connect", () => resolve("connected"));
      evil.once("connect_error", resolve);
    });
    // a WebSocket only learns that its upgrade failed; the handshake over HTTP says why
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toBe("websocket error");
    const handshake = await fetch(`${open.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: "https://evil.example" },
    });
    expect(handshake.status).toBe(403);
    expect(await handshake.json()).toEqual({ code: 4, message: "origin not allowed" });
    evil.close();
  });

  test("every answer carries the security headers and no X-Powered-By", async () => {
    for (const response of [
      await fetch(open.url + "/api/pools"),
      await post(open, "/api/leagues", {}),
      await fetch(open.url + "/healthz"),
    ]) {
      expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get("content-security-policy")).toMatch(/connect-src 'self' ws: wss:/);
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });

  test("a body over 64 KiB is refused whether or not it declares its length", async () => {
    const big = JSON.stringify({ name: "x".repeat(70_000) });
    const declared = await post(open, "/api/leagues", JSON.parse(big));
    expect(declared.status).toBe(400);
    // chunked, no Content-Length: the handler stops reading at 64 KiB and the connection is dropped (its own, not pooled)
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        open.url + "/api/leagues",
        { method: "POST", agent: false, headers: { "content-type": "application/json" } },
        (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          res.on("error", reject);
        },
      );
      req.on("error", () => {}); // the server may close while the rest is still being written
      for (let i = 0; i < 20; i++) req.write("x".repeat(8192));
      req.end();
    });
    expect(streamed.status).toBe(400);
    expect(JSON.parse(streamed.body).error.code).toBe("invalid_payload");
  });
});

describe(`abuse limits (${backendName})`, () => {
  test("HTTP writes over the per-address rate get 429 with Retry-After; reads do not count; loopback is exempt by default", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const response = await post(strict, "/api/leagues", { name: `burst ${i}` });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        expect((await response.json()).error.code).toBe("rate_limited");
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await fetch(strict.url + "/api/pools")).status).toBe(200);
    for (let i = 0; i < 80; i++) expect((await post(open, "/api/leagues", { name: `loopback ${i}` })).status).toBe(201);
  });

  test("connections per address are capped, and a closed one frees its place", async () => {
    const sockets = [];
    for (let i = 0; i < 4; i++) sockets.push(await strict.client());
    const over = await strict.client().then(
      () => "connected" as const,
      (error: Error) => error,
    );
    expect(over).toBeInstanceOf(Error);
    const handshake = await fetch(`${strict.url}/socket.io/?EIO=4&transport=polling`);
    expect(handshake.status).toBe(403);
    expect(await handshake.json()).toEqual({
      code: 4,
      message: "rate_limited: too many connections from your address",
    });
    const held = strict.warroom.connectionAddresses();
    sockets.pop()!.disconnect();
    // the server counts the close when it sees it: wait for a place to come free, by asking until one does
    const again = await until("a closed connection to free its place", () =>
      strict.client().then(
        (socket) => socket,
        () => null,
      ),
    );
    sockets.push(again);
    expect(strict.warroom.connectionAddresses()).toBe(held);
    for (const socket of sockets) socket.disconnect();
    await until("every connection to be counted closed", () => strict.warroom.connectionAddresses() === 0);
  });

  test("a full session refuses more watchers but always admits its seats and admin", async () => {
    const draft = await createDraft(strict.warroom);
    const [a, b, c, seat] = [
      await strict.client(),
      await strict.client(),
      await strict.client(),
      await strict.client(),
    ];
    expect((await request(a, "join_session", { session_id: draft.sessionId })).ok).toBe(true);
    expect((await request(b, "join_session", { session_id: draft.sessionId })).ok).toBe(true);
    expect((await request(c, "join_session", { session_id: draft.sessionId })).error?.code).toBe("rate_limited");
    expect((await request(seat, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") })).ok).toBe(
      true,
    );
    for (const socket of [a, b, c, seat]) socket.disconnect();
  });

  test("a league may hold only so many sessions that are not complete", async () => {
    const league = await strict.warroom.access.createLeague("Capped");
    const body = {
      name: "s",
      pool: "2024",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: [],
      cpu_delay_ms: 60_000,
    } as const;
    const first = await strict.warroom.setup.createSession(league.league_id, { ...body, human_teams: [] });
    await strict.warroom.setup.createSession(league.league_id, { ...body, human_teams: [] });
    const third = await api.createSession(
      strict.services,
      new Request("http://x/api/sessions", {
        method: "POST",
        headers: { authorization: `Bearer ${league.admin_key}` },
        body: JSON.stringify({ ...body }),
      }),
    );
    expect(third.status).toBe(409);
    expect((await third.json()).error.code).toBe("conflict");
    await strict.warroom.commands.adminAction(first.session_id, ADMIN, "start");
    await strict.warroom.commands.adminAction(first.session_id, ADMIN, "complete");
    await expect(
      strict.warroom.setup.createSession(league.league_id, { ...body, human_teams: [] }),
    ).resolves.toMatchObject({
      session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});
