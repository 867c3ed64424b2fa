// server.ts as deployed: the security headers reach every page and route that
// Next.js serves, and a foreign origin cannot change anything through it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServerProcess, type ServerProcess } from "../support/server-process";

jest.setTimeout(120_000);
let dataDir: string;
let server: ServerProcess;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "warroom-headers-"));
  server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", ALLOWED_ORIGINS: "https://partner.example" });
});
afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

test("pages, API routes and static assets carry the security headers and no X-Powered-By", async () => {
  const lobby = await fetch(`${server.url}/`);
  const html = await lobby.text();
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  const responses = [lobby, await fetch(`${server.url}/admin`), await fetch(`${server.url}/api/pools`), await fetch(`${server.url}/healthz`), await fetch(`${server.url}/nope`)];
  if (asset) responses.push(await fetch(server.url + asset));
  for (const response of responses) {
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  }
  expect(asset).toBeTruthy();
});

test("a foreign origin may not create or change anything; the configured one may", async () => {
  const attempt = (origin: string) =>
    fetch(`${server.url}/api/leagues`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ name: "o" }) });
  const foreign = await attempt("https://evil.example");
  expect(foreign.status).toBe(403);
  expect((await foreign.json()).error.code).toBe("forbidden");
  expect((await attempt("https://partner.example")).status).toBe(201);
  expect((await attempt(server.url)).status).toBe(201);
});
