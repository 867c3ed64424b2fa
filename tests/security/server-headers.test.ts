// server.ts as deployed: the security headers reach every page and route that
// Next.js serves, a foreign origin cannot change anything through it, and no
// malformed request is answered as a server fault.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { connect } from "node:net";
import path from "node:path";
import { startServerProcess, type ServerProcess } from "../support/server-process";

jest.setTimeout(120_000);
let dataDir: string;
let server: ServerProcess;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "warroom-headers-"));
  server = await startServerProcess({
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    ALLOWED_ORIGINS: "https://partner.example",
  });
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
  const responses = [
    lobby,
    await fetch(`${server.url}/admin`),
    await fetch(`${server.url}/api/pools`),
    await fetch(`${server.url}/healthz`),
    await fetch(`${server.url}/nope`),
  ];
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
    fetch(`${server.url}/api/leagues`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ name: "o" }),
    });
  const foreign = await attempt("https://evil.example");
  expect(foreign.status).toBe(403);
  expect((await foreign.json()).error.code).toBe("forbidden");
  expect((await attempt("https://partner.example")).status).toBe(201);
  expect((await attempt(server.url)).status).toBe(201);
});

/** A raw request on its own connection: the status line the server wrote, or "" when it wrote none. */
function rawStatus(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(raw));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.on("error", () => resolve(""));
    setTimeout(() => socket.destroy(), 5000);
  });
}

test("no malformed request answers 5xx through Next.js: methods a route does not serve, broken escapes, odd targets and headers", async () => {
  const methods = [
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    "TRACE",
    "PROPFIND",
    "M-SEARCH",
    "CONNECT",
  ];
  const paths = [
    "/api/sessions",
    "/api/pools/2024",
    "/api/leagues",
    "/healthz",
    "/",
    "/admin",
    "/sessions/abc",
    "/api/nope",
    "/api/sessions/%ff%fe/seats/IND/claim",
    "/sessions/%ff",
    "/%",
    "/api/pools?kind=%ff",
  ];
  const raw = [
    "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    "GET /api/pools HTTP/1.0\r\n\r\n",
    "GET /admin HTTP/1.1\r\nHost: x\r\nRSC: 1\r\nNext-Router-State-Tree: %7Bbad\r\nConnection: close\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nNext-Action: 00\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 5\r\nConnection: close\r\n\r\n--x--",
    "GET //api//pools HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    "GET /_next/static/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    "POST /api/leagues HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n",
    "FOO /api/pools HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    "GET /api/pools HTTP/1.1\r\nHost: x\r\nX-Forwarded-Host: evil.example:99999\r\nRange: bytes=999999-\r\nConnection: close\r\n\r\n",
  ];
  const statuses: Record<string, number> = {};
  const faults: string[] = [];
  const note = (what: string, statusLine: string) => {
    const status = Number(statusLine.split(" ")[1] ?? 0);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (!(status >= 200 && status < 500)) faults.push(`${what} → ${statusLine || "no answer"}`);
  };
  for (const method of methods) {
    for (const path of paths)
      note(
        `${method} ${path}`,
        await rawStatus(
          server.port,
          `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        ),
      );
  }
  for (const request of raw) note(request.split("\r\n")[0]!, await rawStatus(server.port, request));
  console.log(
    `malformed requests through server.ts and Next.js: ${methods.length * paths.length + raw.length} sent, by status ${JSON.stringify(statuses)}`,
  );
  expect(faults).toEqual([]);
  // the shape of the answers: 405 names what is served, a broken escape is the client's mistake
  const trace = await rawAnswer(server.port, "TRACE /api/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  expect(trace).toMatch(/^HTTP\/1\.1 405 /);
  expect(trace).toMatch(/\r\nallow: GET, POST, HEAD, OPTIONS\r\n/i);
  expect(trace).toContain('"code":"not_found"');
  expect(
    await rawAnswer(
      server.port,
      "GET /api/sessions/%ff%fe/seats/IND/claim HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ),
  ).toMatch(/^HTTP\/1\.1 400 [\s\S]*"code":"invalid_payload"/);
});

function rawAnswer(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(raw));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("close", () => resolve(answer));
    socket.on("error", () => resolve(answer));
  });
}
