// Seats in a real browser against the real server: a solo mock never touches
// the admin console's sign-in nor a real league; a commissioner's seats by
// invitation cannot be taken in the lobby, and the console shows who holds
// each seat and who is in the room; a seat link leaves the address bar once
// used; the lobby lists live rooms apart from finished ones.
import type { Browser } from "playwright-core";
import { openPage, screenshot, startPageStack, type PageStack, type WatchedPage } from "../support/browser";
import type { ServerProcess } from "../support/server-process";
import { httpClient } from "../support/api-client";
import { until } from "../support/until";

jest.setTimeout(120_000);

let stack: PageStack;
let server: ServerProcess;
let browser: Browser;
/** a commissioner signed in to a real league in the admin console, in one browser context */
let admin: WatchedPage;
let realKey: string;

beforeAll(async () => {
  stack = await startPageStack("seats");
  ({ server, browser } = stack);
  admin = await openPage(browser, { width: 1400, height: 1000 });
  await admin.page.goto(`${server.url}/admin`);
  await admin.page.getByLabel("League name").fill("Real league");
  await admin.page.getByRole("button", { name: "Create league" }).click();
  realKey = (await admin.page.getByTestId("new-admin-key").textContent())!.trim();
  await admin.page.getByRole("button", { name: "I saved it, open the console" }).click();
  await admin.page.getByTestId("league-name").filter({ hasText: "Real league" }).waitFor();
});

afterAll(async () => {
  await stack?.close();
});

const http = () => httpClient(server.url);
const adminCookie = async (page: WatchedPage) =>
  (await page.context.cookies()).find((c) => c.name === "warroom_admin")?.value;

async function startMock({ page, leave }: WatchedPage, team: string, teamName: string): Promise<string> {
  // leaving the console (or the last mock) cuts its requests short: that is the test navigating, not a failure
  await leave(() => page.goto(server.url));
  await page.getByRole("button", { name: teamName }).click();
  await page.getByRole("button", { name: `Start mock as ${team}` }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await page.getByTestId("role").filter({ hasText: teamName }).waitFor();
  return page.url().split("/").at(-1)!;
}

test("a solo mock in a browser signed in to a real league leaves the sign-in and the league alone", async () => {
  const { page, problems } = admin;
  const cookieBefore = await adminCookie(admin);
  expect(cookieBefore).toBeTruthy();

  const first = await startMock(admin, "CHI", "Chicago Bears");
  const second = await startMock(admin, "NYG", "New York Giants");

  // the console's cookie is the real league's, unchanged, and the real league holds neither mock
  expect(await adminCookie(admin)).toBe(cookieBefore);
  const realSessions = (await http().answer("adminSessions", { adminKey: realKey })).map((s) => s.session_id);
  expect(realSessions).not.toContain(first);
  expect(realSessions).not.toContain(second);
  await admin.leave(() => page.goto(`${server.url}/admin`));
  await page.getByTestId("league-name").filter({ hasText: "Real league" }).waitFor();

  // both mocks went to this browser's own mock league
  const stored = await page.evaluate(() => localStorage.getItem("warroom:solo_league"));
  const mockLeague = JSON.parse(stored!) as { admin_key: string };
  expect(mockLeague.admin_key).not.toBe(realKey);
  const mocks = (await http().answer("adminSessions", { adminKey: mockLeague.admin_key })).map((s) => s.session_id);
  expect(mocks.sort()).toEqual([first, second].sort());

  // nobody can take a mock's seat from the lobby
  const visitor = await openPage(browser);
  await visitor.page.goto(server.url);
  const entry = visitor.page.locator(`[data-session-id="${first}"]`);
  await entry.getByText("seats by invitation").waitFor();
  expect(await entry.getByRole("button", { name: /^Claim/ }).count()).toBe(0);
  expect(problems).toEqual([]);
  expect(visitor.problems).toEqual([]);
  await visitor.context.close();
});

test("seats by invitation: not offered in the lobby; the console shows each seat's holder and who is in the room", async () => {
  const { page, problems } = admin;
  await admin.leave(() => page.goto(`${server.url}/admin`));
  await page.getByLabel("Name", { exact: true }).fill("Invite night");
  await page.getByLabel("Rounds").fill("1");
  await page.getByLabel("Seconds / pick").fill("0");
  await page.getByLabel("CHI", { exact: true }).check();
  await page.getByLabel("WAS", { exact: true }).check();
  // by invitation is the console's default
  expect(await page.getByRole("radio", { name: /By invitation/ }).isChecked()).toBe(true);
  await page.getByRole("button", { name: "Create session" }).click();
  const chiLink = (await page
    .getByTestId("new-seat-links")
    .locator("li", { hasText: "CHI" })
    .locator("code")
    .textContent())!;
  const sessionId = await until("the session in the URL", async () => new URL(page.url()).searchParams.get("session"));

  const visitor = await openPage(browser);
  await visitor.page.goto(server.url);
  const entry = visitor.page.locator(`[data-session-id="${sessionId}"]`);
  await entry.getByText("seats by invitation").waitFor();
  expect(await entry.getByRole("button", { name: /^Claim/ }).count()).toBe(0);

  // the CHI link seats its holder, then leaves the address bar: a shared URL hands nothing over
  const holder = await openPage(browser);
  await holder.page.goto(chiLink);
  await holder.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
  await until("the token to leave the address bar", async () => !holder.page.url().includes("token="));
  expect(holder.page.url()).toBe(`${server.url}/sessions/${sessionId}`);
  await holder.leave(() => holder.page.reload());
  await holder.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();

  const seat = (team: string) => page.getByTestId("seat-rotation").locator(`[data-seat="${team}"]`);
  await seat("CHI").getByText("Held by whoever has its link").waitFor();
  await seat("CHI").getByText("in the room").waitFor();
  await seat("WAS").getByText("Nobody yet: its link is unused").waitFor();
  await seat("WAS").getByText("not connected").waitFor();
  await screenshot(page, "admin-seats");

  // the holder leaves: the console sees it
  await holder.context.close();
  await seat("CHI").getByText("not connected").waitFor();
  expect(problems).toEqual([]);
  expect(visitor.problems).toEqual([]);
  expect(holder.problems).toEqual([]);
  await visitor.context.close();
});

test("an open seat is taken in the lobby under a name the console then shows", async () => {
  const { page, problems } = admin;
  await admin.leave(() => page.goto(`${server.url}/admin`));
  await page.getByLabel("Name", { exact: true }).fill("Open night");
  await page.getByLabel("Rounds").fill("1");
  await page.getByLabel("Seconds / pick").fill("0");
  await page.getByLabel("NE", { exact: true }).check();
  await page.getByRole("radio", { name: /Open in the lobby/ }).check();
  await page.getByRole("button", { name: "Create session" }).click();
  const sessionId = await until("the session in the URL", async () => new URL(page.url()).searchParams.get("session"));

  const fan = await openPage(browser);
  await fan.page.goto(server.url);
  // the list is fetched by the page's script: once the seat is offered, the page is live and takes typing
  const claim = fan.page.locator(`[data-session-id="${sessionId}"]`).getByRole("button", { name: /Claim the NE seat/ });
  await claim.waitFor();
  await fan.page.getByLabel("Your name (to claim a seat)").fill("Jordan");
  await claim.click();
  await fan.page.getByTestId("role").filter({ hasText: "New England Patriots" }).waitFor();

  const seat = page.getByTestId("seat-rotation").locator('[data-seat="NE"]');
  await seat.getByText("Held by Jordan").waitFor();
  await seat.getByText("in the room").waitFor();
  expect(problems).toEqual([]);
  expect(fan.problems).toEqual([]);
  await fan.context.close();
});

test("the lobby lists live rooms apart from finished drafts, which offer results and replay", async () => {
  const { admin_key } = await http().answer("createLeague", { body: { name: "Lobby groups" } });
  const create = (name: string) =>
    http().answer("createSession", {
      adminKey: admin_key,
      body: { name, rounds: 1, seconds_per_pick: 0, human_teams: ["DET"], cpu_delay_ms: 0 },
    });
  const live = await create("Still drafting");
  const done = await create("All done");
  await http().answer("action", { params: { id: done.session_id }, body: { action: "complete" }, adminKey: admin_key });

  const { page, problems } = await openPage(browser, { width: 1400, height: 900 });
  await page.goto(server.url);
  const group = (name: string) => page.locator(`section[data-group="${name}"]`);
  await group("live").locator(`[data-session-id="${live.session_id}"]`).waitFor();
  const finished = group("finished").locator(`[data-session-id="${done.session_id}"]`);
  await finished.waitFor();
  expect(await group("live").locator(`[data-session-id="${done.session_id}"]`).count()).toBe(0);
  expect(await finished.getByRole("link", { name: "Results of All done" }).getAttribute("href")).toBe(
    `/sessions/${done.session_id}/results`,
  );
  expect(await finished.getByRole("link", { name: "Replay All done" }).getAttribute("href")).toBe(
    `/sessions/${done.session_id}/replay`,
  );
  await screenshot(page, "lobby-groups-1400");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, "lobby-groups-390");
  expect(problems).toEqual([]);
});
