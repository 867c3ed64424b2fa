// The room's rough edges, in a real browser against the real server: at 390 px
// nothing spills sideways and the clock stays pinned; the words fit the moment
// (before the start, paused, after an undo, with several seats); the search box
// promises only what the class has; the connection never gives up for good and
// freezes the clock while it is down; bad URLs answer a real 404; errors read
// as sentences; the admin console brings a chosen session into view on a phone.
import type { Browser, Locator, Page } from "playwright-core";
import { openPage, SERVER_OUTAGE, screenshot as capture, startPageStack, type PageStack } from "../support/browser";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { httpClient } from "../support/api-client";
import { readFileSync } from "node:fs";
import path from "node:path";

jest.setTimeout(180_000);

let stack: PageStack;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  stack = await startPageStack("polish");
  ({ server, browser } = stack);
});
afterAll(async () => {
  await stack?.close();
});
// a test that stops the server and fails before starting it again must not take the next tests with it
afterEach(async () => {
  if (server.child.exitCode !== null || server.child.signalCode !== null)
    server = stack.server = await startServerProcess(stack.env, server.port);
});

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return capture(page, name);
}

const http = () => httpClient(server.url);

async function league(name: string) {
  return (await http().answer("createLeague", { body: { name } })).admin_key;
}

/** 2024 round 1: CHI holds #1 and #9, WAS #2; the rest are CPU teams. */
async function session(adminKey: string, body: Record<string, unknown> = {}) {
  return http().answer("createSession", {
    adminKey,
    body: {
      name: "Polish room",
      pool: "2024",
      rounds: 1,
      seconds_per_pick: 120,
      human_teams: ["CHI", "WAS"],
      cpu_delay_ms: 60,
      cpu_trade_offers: false,
      cpu_trades: false,
      ...body,
    },
  });
}

const act = (adminKey: string, id: string, action: string) =>
  http().answer("action", { params: { id }, adminKey, body: { action } as never });

const tokenOf = (created: { seats: { team_id: string; token: string }[] }, team: string) =>
  created.seats.find((s) => s.team_id === team)!.token;

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The element's box lies inside the viewport's width. */
async function fullyVisibleAcross(locator: Locator, width: number) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
}

/** The element shows its whole text: nothing cut off with an ellipsis. */
const notTruncated = (locator: Locator) =>
  locator.evaluate((el) => ({ text: el.textContent, fits: el.scrollWidth <= el.clientWidth }));

test("a seat at 390 px fits the screen with the hint and the confirm bar, keeps the clock pinned, and its words fit the moment", async () => {
  const adminKey = await league("Phone league");
  const created = await session(adminKey);
  const id = created.session_id;
  const seat = await openPage(browser, { width: 390, height: 844 });
  const { page } = seat;
  await page.goto(`${server.url}/sessions/${id}?token=${tokenOf(created, "CHI")}`);
  const clock = page.getByTestId("on-the-clock");
  const yourPick = page.getByTestId("your-pick");

  // before the start: not "No pick on the clock · No picks left"
  await clock.getByText("Draft not started").waitFor();
  await expect(yourPick.textContent()).resolves.toBe("Your picks: #1, #9");
  await expect(notTruncated(yourPick)).resolves.toMatchObject({ fits: true });
  // the bundled 2024 class has no colleges: the search box does not promise them
  await expect(page.getByLabel("Search players").getAttribute("placeholder")).resolves.toBe("Search by name");
  // the keyboard hint shows and nothing spills sideways
  await page.getByTestId("pick-bar").getByText(/↑\/↓/).waitFor();
  await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);

  await act(adminKey, id, "start");
  await act(adminKey, id, "pause");
  await yourPick.filter({ hasText: "paused" }).waitFor();
  await expect(yourPick.textContent()).resolves.toBe("You are on the clock (#1) · paused");
  await act(adminKey, id, "resume");
  await clock.getByText("You are on the clock").waitFor();

  // the confirm bar: search box, Draft buttons and Cancel all on screen
  await page
    .getByRole("button", { name: /^Draft / })
    .first()
    .click();
  const cancel = page.getByRole("button", { name: "Cancel" });
  await cancel.waitFor();
  await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
  await fullyVisibleAcross(cancel, 390);
  await fullyVisibleAcross(page.getByRole("button", { name: "Confirm pick" }), 390);
  await fullyVisibleAcross(page.getByLabel("Search players"), 390);
  await fullyVisibleAcross(page.getByRole("button", { name: /^Draft / }).first(), 390);
  await screenshot(page, "room-390-confirm");

  // the clock is pinned: scrolled well down the list, it is still at the top of the screen
  await page.evaluate(() => window.scrollTo(0, 1200));
  await page.waitForFunction(() => window.scrollY > 600);
  const pinned = await clock.boundingBox();
  expect(pinned!.y).toBeGreaterThanOrEqual(-0.5);
  expect(pinned!.y).toBeLessThan(80);
  await capture(page, "room-390-scrolled");

  // the pick is made; the admin undoes it: the message goes with it
  const row = page.getByTestId("player-list").locator("li[data-player-id]").first();
  const name = (await row.locator("span.font-medium").textContent())!;
  await page.getByRole("button", { name: "Confirm pick" }).click();
  const drafted = page.getByTestId("pick-bar").getByText(`You drafted ${name}.`);
  await drafted.waitFor();
  await act(adminKey, id, "undo_last_pick");
  await drafted.waitFor({ state: "detached" });
  await page.getByTestId("player-list").getByText(name, { exact: true }).waitFor();
  expect(seat.problems).toEqual([]);
});

test("at 1400 px the whole 'your pick' line shows, and one seat's message never shows on another seat", async () => {
  const adminKey = await league("Desk league");
  const created = await session(adminKey);
  const id = created.session_id;

  // a WAS seat while CHI is on the clock: "Your pick is in 1 (#2)", uncut
  const was = await openPage(browser, { width: 1400, height: 1000 });
  await was.page.goto(`${server.url}/sessions/${id}?token=${tokenOf(created, "WAS")}`);
  await was.page.getByTestId("on-the-clock").getByText("Draft not started").waitFor();
  await expect(notTruncated(was.page.getByTestId("your-pick"))).resolves.toEqual({
    text: "Your picks: #2",
    fits: true,
  });

  // one tab holding both seats (a solo mock's way): it follows the clock from CHI to WAS
  const both = await openPage(browser, { width: 1400, height: 1000 });
  await both.page.addInitScript(([key, seats]) => window.sessionStorage.setItem(key, seats), [
    `warroom:seats:${id}`,
    JSON.stringify({ CHI: tokenOf(created, "CHI"), WAS: tokenOf(created, "WAS") }),
  ] as const);
  await both.page.goto(`${server.url}/sessions/${id}?token=${tokenOf(created, "CHI")}`);
  await both.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
  await act(adminKey, id, "start");
  await was.page.getByTestId("your-pick").getByText("Your pick is in 1 (#2)").waitFor();
  await expect(notTruncated(was.page.getByTestId("your-pick"))).resolves.toMatchObject({ fits: true });
  await screenshot(was.page, "room-1400-waiting");

  await both.page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  await both.page
    .getByRole("button", { name: /^Draft / })
    .first()
    .click();
  await both.page.getByRole("button", { name: "Cancel" }).waitFor();
  await screenshot(both.page, "room-1400-confirm");
  await both.page.getByRole("button", { name: "Confirm pick" }).click();
  // the tab moves to WAS, on the clock at #2: CHI's "You drafted …" is not WAS's
  await both.page.getByTestId("role").filter({ hasText: "Washington Commanders" }).waitFor();
  await both.page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  await expect(both.page.getByTestId("pick-bar").textContent()).resolves.not.toContain("You drafted");
  for (const { problems } of [was, both]) expect(problems).toEqual([]);
});

test("an imported class with colleges says so in the search box", async () => {
  const adminKey = await league("College league");
  const board = readFileSync(path.join(__dirname, "../../examples/board.csv"), "utf8");
  const imported = await http().answer("importPool", {
    body: { name: "College board", prospects_csv: board },
    adminKey,
  });
  if (!("pool" in imported)) throw new Error("the example board did not import");
  const created = await session(adminKey, { pool: imported.pool, human_teams: [] });
  const { page, problems } = await openPage(browser, { width: 1400, height: 900 });
  await page.goto(`${server.url}/sessions/${created.session_id}`);
  await page.getByTestId("player-list").locator("li[data-player-id]").first().waitFor();
  await expect(page.getByLabel("Search players").getAttribute("placeholder")).resolves.toBe("Search name or college");
  expect(problems).toEqual([]);
});

test("a bad room, replay or results URL answers a real 404 page with a way back to the lobby", async () => {
  const missing = "6f1c2a4e-0d7b-4c51-9a8e-2b3c4d5e6f70";
  const { page, problems, leave } = await openPage(browser, {
    width: 390,
    height: 844,
    ignore: [/^404 GET /, /Failed to load resource: the server responded with a status of 404/],
  });
  for (const url of [
    `/sessions/not-a-session`,
    `/sessions/${missing}`,
    `/sessions/${missing}/replay`,
    `/sessions/${missing}/results`,
    `/sessions/%20/results`,
  ]) {
    let status = 0;
    await leave(async () => {
      status = (await page.goto(`${server.url}${url}`))!.status();
    });
    expect({ url, status }).toEqual({ url, status: 404 });
    await page.getByRole("heading", { name: "There is no such draft" }).waitFor();
    await expect(page.getByText(/Loading the draft|does not match|schema/).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Back to the lobby" }).getAttribute("href")).resolves.toBe("/");
  }
  await screenshot(page, "not-found-390");
  await leave(() => page.getByRole("link", { name: "Back to the lobby" }).click());
  await page.waitForURL(`${server.url}/`);
  expect(problems).toEqual([]);
});

test("errors read as sentences: a wrong admin key, a blank session name; at 390 px a chosen session comes into view", async () => {
  const adminKey = await league("Words league");
  await session(adminKey, { name: "First draft" });
  await session(adminKey, { name: "Second draft" });
  const { page, problems } = await openPage(browser, {
    width: 390,
    height: 844,
    ignore: [/^401 GET .*\/api\/admin\/session$/, /^401 POST .*\/api\/admin\/session$/, /status of 401/],
  });
  await page.goto(`${server.url}/admin`);
  await page.getByLabel("League admin key").fill("adm_not-the-right-key");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByText("That admin key is not right").waitFor();
  await expect(page.locator("main").textContent()).resolves.not.toContain("is required");

  await page.getByLabel("League admin key").fill(adminKey);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("league-name").waitFor();
  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Create session" }).click();
  await page.getByText("Enter a name").waitFor();
  await expect(page.locator("main").textContent()).resolves.not.toMatch(/Too small|expected string/);

  // choosing a session on a phone scrolls its controls onto the screen
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByTestId("admin-sessions")
    .getByRole("button", { name: /Second draft/ })
    .click();
  const runner = page.getByTestId("session-runner");
  await runner.getByRole("heading", { name: "Second draft" }).waitFor();
  await page.waitForFunction(() => {
    const box = document.querySelector("[data-testid=session-runner]")?.getBoundingClientRect();
    return box !== undefined && box.top >= -1 && box.top < window.innerHeight / 2;
  });
  await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
  await capture(page, "admin-390-selected");
  expect(problems).toEqual([]);
});

test("without a server the room never gives up: it keeps trying slowly, at once when the browser is back online, and freezes the clock meanwhile", async () => {
  const adminKey = await league("Outage league");
  const created = await session(adminKey, { human_teams: ["CHI"] });
  const id = created.session_id;
  await act(adminKey, id, "start");
  const seat = await openPage(browser, { width: 1280, height: 900, ignore: SERVER_OUTAGE });
  const { page } = seat;
  await page.clock.install();
  await page.goto(`${server.url}/sessions/${id}?token=${tokenOf(created, "CHI")}`);
  await page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  const presence = page.getByTestId("presence");
  await presence.locator('li[data-online="true"]').waitFor();
  const connection = page.getByTestId("connection");
  const countdown = page.getByTestId("countdown");

  server.child.kill("SIGKILL");
  await server.exited;
  await connection.and(page.locator('[data-state="reconnecting"]')).waitFor();
  // the clock freezes and greys; presence no longer claims anyone is online
  await countdown.and(page.locator('[data-frozen="true"]')).waitFor();
  const frozenAt = await countdown.getAttribute("data-remaining-ms");
  await page.clock.fastForward(2500);
  await page.waitForTimeout(300);
  await expect(countdown.getAttribute("data-remaining-ms")).resolves.toBe(frozenAt);
  await expect(presence.locator('li[data-online="true"]').count()).resolves.toBe(0);
  await expect(presence.textContent()).resolves.not.toMatch(/\bonline\b/);

  /** attempts so far, as the bar says */
  const attempt = async () => Number(await connection.getAttribute("data-attempt"));
  const nextAttempt = async (after: number) =>
    page.waitForFunction(
      (n) => Number(document.querySelector("[data-testid=connection]")?.getAttribute("data-attempt")) > n,
      after,
      { timeout: 10_000 },
    );
  // well past the five quick attempts (1 + 2 + 4 + 8 + 16 s, and more): still trying, every 10 to 30 s
  for (let i = 0; i < 8; i++) {
    const before = await attempt();
    await page.clock.fastForward(31_000);
    await nextAttempt(before);
  }
  expect(await attempt()).toBeGreaterThan(8);
  await expect(connection.getAttribute("data-state")).resolves.toBe("reconnecting");
  await expect(connection.textContent()).resolves.not.toContain("Could not reconnect");
  const wait = Number(await connection.getAttribute("data-next-at")) - (await page.evaluate(() => Date.now()));
  expect(wait).toBeGreaterThan(5_000);
  expect(wait).toBeLessThanOrEqual(30_000);
  await screenshot(page, "room-1280-still-reconnecting");

  // the browser says it is online again: one attempt at once, long before the booked one
  const booked = Number(await connection.getAttribute("data-next-at"));
  const before = await attempt();
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await nextAttempt(before);
  expect(await page.evaluate(() => Date.now())).toBeLessThan(booked);
  // and so does a tab that becomes visible
  const booked2 = Number(await connection.getAttribute("data-next-at"));
  const before2 = await attempt();
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await nextAttempt(before2);
  expect(await page.evaluate(() => Date.now())).toBeLessThan(booked2);

  // the server comes back: the next slow attempt connects, with no click
  server = stack.server = await startServerProcess(stack.env, server.port);
  await page.clock.fastForward(31_000);
  await connection.getByText("Connected · live").waitFor({ timeout: 20_000 });
  await countdown.and(page.locator('[data-frozen="false"]')).waitFor();
  await presence.locator('li[data-online="true"]').waitFor();
  expect(seat.problems).toEqual([]);
});
