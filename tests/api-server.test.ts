// The API answered by the Node server before Next.js (lib/server/http/api-server.ts):
// the same handlers over a real WarRoom's services, with the Web Request and
// Response carried faithfully both ways (status, body, headers, cookies), and
// anything that is not an API route left for Next.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serveApi } from "../lib/server/http/api-server";
import { startTestServer, type TestServer } from "./support/test-server";

let warroom: TestServer;
let http: Server;
let url: string;
/** paths the API left to the caller (Next.js in server.ts) */
const leftForNext: string[] = [];

beforeAll(async () => {
  warroom = await startTestServer();
  http = createServer((req, res) => {
    if (serveApi(req, res, warroom.warroom.http)) return;
    leftForNext.push(`${req.method} ${req.url}`);
    res.writeHead(404).end("next would answer this");
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await warroom.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the API before Next.js", () => {
  test("a route's handler answers with its status, JSON body and headers", async () => {
    const response = await post("/api/leagues", { name: "Direct League" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const league = (await response.json()) as { league_id: string; admin_key: string };
    expect(league.admin_key).toMatch(/^adm_/);

    // the request body and path parameters reach the handler; its cookie reaches the browser
    const signIn = await post("/api/admin/session", { admin_key: league.admin_key });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ league_id: league.league_id, name: "Direct League" });
    expect(signIn.headers.getSetCookie()).toHaveLength(1);
    expect(signIn.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
  });

  test("bad input is the contract's error, as through Next", async () => {
    const response = await fetch(`${url}/api/leagues`, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_payload" } });
    const unknown = await fetch(`${url}/api/sessions/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
  });

  test("pages, unknown API paths and methods a route does not serve are left for Next", async () => {
    leftForNext.length = 0;
    await fetch(`${url}/lobby`);
    await fetch(`${url}/api/nothing-here`);
    await fetch(`${url}/api/leagues`, { method: "DELETE" });
    expect(leftForNext).toEqual(["GET /lobby", "GET /api/nothing-here", "DELETE /api/leagues"]);
  });
});
