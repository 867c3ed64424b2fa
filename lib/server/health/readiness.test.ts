// /readyz on a real HTTP server: starting, ready, a dependency down, draining.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HealthReport } from "./dependency-health";
import { createReadiness, type Readiness } from "./readiness";

let server: Server;
let url: string;
let readiness: Readiness;
let report: HealthReport;

beforeAll(async () => {
  report = { db: "ok", redis: "off" };
  readiness = createReadiness(async () => report);
  server = createServer((req, res) => {
    if (readiness.handle(req, res)) return;
    res.writeHead(204).end(); // what the app would serve
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const readyz = async (init?: RequestInit) => {
  const response = await fetch(`${url}/readyz`, init);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
};

test("not ready while starting, ready once started, not ready while a dependency is down, then draining for good", async () => {
  expect(await readyz()).toEqual({ status: 503, body: { status: "starting" } });
  readiness.started();
  expect(await readyz()).toEqual({ status: 200, body: { status: "ready", db: "ok", redis: "off" } });
  report = { db: "ok", redis: "down" };
  expect(await readyz()).toEqual({ status: 503, body: { status: "unavailable", db: "ok", redis: "down" } });
  report = { db: "ok", redis: "ok" };
  readiness.drain();
  expect(await readyz()).toEqual({ status: 503, body: { status: "draining" } });
  readiness.started(); // a late "started" never undoes a drain
  expect((await readyz()).status).toBe(503);
});

test("answers HEAD without a body, refuses other methods with 405 and Allow, leaves other paths to the app", async () => {
  expect((await readyz({ method: "HEAD" })).body).toBeNull();
  const post = await fetch(`${url}/readyz`, { method: "POST" });
  expect({ status: post.status, allow: post.headers.get("allow") }).toEqual({ status: 405, allow: "GET, HEAD" });
  expect((await fetch(`${url}/readyz/other`)).status).toBe(204);
  expect((await fetch(`${url}/healthz`)).status).toBe(204);
});
