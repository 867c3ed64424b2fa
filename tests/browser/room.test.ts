// The draft room in a real browser against the real server: two seats claimed
// from the lobby draft against each other and CPU teams, trade through the
// trade centre, survive a SIGKILL of the server, and a spectator follows it
// all; the countdown matches the server's deadline even with a wrong local clock.
import type { Browser, Page } from "playwright-core";
import {
  openPage,
  SERVER_OUTAGE,
  screenshot as capture,
  startPageStack,
  type PageStack,
  type WatchedPage,
} from "../support/browser";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { httpClient } from "../support/api-client";

jest.setTimeout(120_000);

let stack: PageStack;
let server: ServerProcess;
let browser: Browser;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  stack = await startPageStack("room");
  ({ server, browser } = stack);
});

afterAll(async () => {
  await stack?.close();
});

/** Screenshots from the top of the page, whatever the test scrolled to. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return capture(page, name);
}

async function open(options: Parameters<typeof openPage>[1] = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, options);
  pages.push(watched);
  return watched;
}

/** The board as the page shows it: overall → team and player id. */
async function boardOf(page: Page): Promise<Record<number, { team: string; player: string | null }>> {
  return page.$$eval("[data-testid=draft-board] td[data-overall]", (cells) =>
    Object.fromEntries(
      cells.map((c) => [
        Number(c.getAttribute("data-overall")),
        { team: c.getAttribute("data-team") ?? "", player: c.getAttribute("data-player-id") },
      ]),
    ),
  );
}

async function serverBoard(sessionId: string) {
  const snapshot = await httpClient(server.url).answer("snapshot", { params: { id: sessionId } });
  const picks = new Map<number, string>(snapshot.picks.map((p) => [p.overall, p.player.player_id]));
  return {
    snapshot,
    board: Object.fromEntries(
      snapshot.order.map((s) => [s.overall, { team: s.team_id, player: picks.get(s.overall) ?? null }]),
    ),
  };
}

/** Waits until the page's board equals the server's (the server may still be moving, so poll both). */
async function expectSameBoard(page: Page, sessionId: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [shown, truth] = await Promise.all([boardOf(page), serverBoard(sessionId)]);
    const seq = Number(await page.getAttribute("[data-testid=draft-room]", "data-seq"));
    if (JSON.stringify(shown) === JSON.stringify(truth.board) && seq === truth.snapshot.seq) return;
    if (Date.now() > deadline) expect({ board: shown, seq }).toEqual({ board: truth.board, seq: truth.snapshot.seq });
    await page.waitForTimeout(150);
  }
}

async function claimFromLobby(page: Page, sessionId: string, team: string, name: string) {
  await page.goto(server.url);
  // the list arrives after hydration, whose effects restore a remembered name: fill the name only then
  const claim = page
    .locator(`[data-session-id="${sessionId}"]`)
    .getByRole("button", { name: `Claim the ${team} seat` });
  await claim.waitFor();
  await page.getByLabel("Your name (to claim a seat)").fill(name);
  await claim.click();
  await page.waitForURL(`**/sessions/${sessionId}`);
  await page.getByTestId("role").filter({ hasText: "You:" }).waitFor();
}

async function draftTopPlayer(page: Page): Promise<string> {
  const row = page.getByTestId("player-list").locator("li[data-player-id]").first();
  const playerId = (await row.getAttribute("data-player-id"))!;
  await row.getByRole("button", { name: /^Draft / }).click();
  await page.getByRole("button", { name: "Confirm pick" }).click();
  return playerId;
}

const cell = (page: Page, overall: number) => page.locator(`[data-testid=draft-board] td[data-overall="${overall}"]`);

test("two seats draft against each other and CPU teams, trade, survive a server crash, and a spectator follows", async () => {
  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Room test" } });
  // 2024 round 1: CHI picks 1 and 9, WAS picks 2; everyone else is CPU
  const created = await httpClient(server.url).answer("createSession", {
    adminKey: admin_key,
    body: {
      name: "Browser room",
      pool: "2024",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: ["CHI", "WAS"],
      cpu_delay_ms: 60,
      cpu_trade_offers: false,
      cpu_trades: false,
    },
  });
  const id: string = created.session_id;

  const alice = await open({ ignore: SERVER_OUTAGE });
  const bob = await open({ ignore: SERVER_OUTAGE });
  const watcher = await open({ width: 390, height: 844, ignore: SERVER_OUTAGE });
  await claimFromLobby(alice.page, id, "CHI", "Alice");
  await claimFromLobby(bob.page, id, "WAS", "Bob");
  await watcher.page.goto(`${server.url}/sessions/${id}`);
  await watcher.page.getByTestId("role").filter({ hasText: "Spectating" }).waitFor();
  // presence: both seats show as online for the spectator
  await watcher.page.locator('[data-testid=presence] li[data-online="true"]').nth(1).waitFor();

  await httpClient(server.url).answer("action", { params: { id }, adminKey: admin_key, body: { action: "start" } });
  await alice.page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  await expect(bob.page.getByTestId("your-pick").textContent()).resolves.toMatch(/Your pick is in 1/);

  // Alice drafts #1 with the two-step pick; everyone's board fills in
  const first = await draftTopPlayer(alice.page);
  for (const { page } of [alice, bob, watcher])
    await cell(page, 1)
      .and(page.locator(`[data-player-id="${first}"]`))
      .waitFor();
  await expect(watcher.page.getByTestId("announcer").textContent()).resolves.toMatch(/^Pick 1: CHI selects /);

  // Bob, on the clock at #2, offers #2 for CHI's #9; Alice sees the badge and accepts
  await bob.page.getByRole("tab", { name: /Trades/ }).click();
  await bob.page.getByLabel("Trade partner").selectOption("CHI");
  await bob.page.getByRole("group", { name: "You give" }).getByLabel("Pick 2").check();
  await bob.page
    .getByRole("group", { name: /You get/ })
    .getByLabel("Pick 9")
    .check();
  await expect(bob.page.getByTestId("value-bars").last().textContent()).resolves.toMatch(/Give717Get387/);
  await bob.page.getByRole("button", { name: "Propose trade" }).click();
  await alice.page.getByTestId("badge-trades").waitFor();
  await alice.page.getByRole("tab", { name: /Trades/ }).click();
  await alice.page.getByTestId("incoming-offer").getByRole("button", { name: "Accept" }).click();
  for (const { page } of [alice, bob, watcher]) {
    await cell(page, 2).and(page.locator('[data-team="CHI"][data-traded]')).waitFor();
    await cell(page, 9).and(page.locator('[data-team="WAS"][data-traded]')).waitFor();
  }
  await alice.page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  await screenshot(alice.page, "room-desktop-trade");

  // Alice queues a player, then drafts #2; then the server dies while the CPU teams pick
  await alice.page
    .getByRole("button", { name: /^Queue / })
    .nth(1)
    .click();
  await alice.page.getByRole("tab", { name: /Queue/ }).click();
  await alice.page.getByTestId("queue").locator("li[data-player-id]").first().waitFor();
  const second = await draftTopPlayer(alice.page);
  await cell(alice.page, 2)
    .and(alice.page.locator(`[data-player-id="${second}"]`))
    .waitFor();
  server.child.kill("SIGKILL");
  await server.exited;
  for (const { page } of [alice, bob, watcher]) await page.getByText(/Reconnecting, attempt \d of 5/).waitFor();
  await screenshot(watcher.page, "room-390-reconnecting");

  server = stack.server = await startServerProcess(stack.env, server.port);
  for (const { page } of [alice, bob, watcher]) await page.getByText("Connected · live").waitFor({ timeout: 30_000 });
  await bob.page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor({ timeout: 20_000 });
  for (const { page } of [alice, bob, watcher]) await expectSameBoard(page, id);

  // Bob drafts #9 from the keyboard: focus the list, move down, Enter opens the card (its Draft button
  // has the focus), Enter again drafts, then confirm
  await bob.page.getByTestId("player-list").focus();
  await bob.page.keyboard.press("ArrowDown");
  const chosen = await bob.page
    .locator('[data-testid=player-list] li[aria-selected="true"]')
    .getAttribute("data-player-id");
  await bob.page.keyboard.press("Enter");
  await bob.page
    .getByTestId("player-card")
    .getByRole("button", { name: /^Draft / })
    .waitFor();
  await bob.page.keyboard.press("Enter");
  await bob.page.getByRole("button", { name: "Confirm pick" }).press("Enter");
  await cell(watcher.page, 9)
    .and(watcher.page.locator(`[data-player-id="${chosen}"]`))
    .waitFor();

  // the CPU teams finish the round; all three pages end on the server's board
  await watcher.page.getByText("Draft complete", { exact: true }).waitFor({ timeout: 30_000 });
  for (const { page } of [alice, bob, watcher]) await expectSameBoard(page, id);
  await screenshot(alice.page, "room-desktop-complete");
  await screenshot(watcher.page, "room-390-spectator");
  await bob.page.setViewportSize({ width: 390, height: 844 });
  await bob.page.getByRole("tab", { name: /Trades/ }).click();
  await screenshot(bob.page, "room-390-seat");

  for (const { problems } of [alice, bob, watcher]) expect(problems).toEqual([]);
});

test("the countdown follows the server's deadline even when the browser's clock is five minutes off", async () => {
  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Clock test" } });
  const created = await httpClient(server.url).answer("createSession", {
    adminKey: admin_key,
    body: {
      name: "Clock room",
      pool: "2024",
      rounds: 1,
      seconds_per_pick: 120,
      human_teams: ["CHI"],
      cpu_delay_ms: 0,
      cpu_trade_offers: false,
      cpu_trades: false,
    },
  });
  const token = created.seats[0]!.token;
  await httpClient(server.url).answer("action", {
    params: { id: created.session_id },
    adminKey: admin_key,
    body: { action: "start" },
  });

  const seat = await open();
  await seat.page.clock.install({ time: Date.now() + 5 * 60_000 });
  await seat.page.goto(`${server.url}/sessions/${created.session_id}?token=${token}`);
  await seat.page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  await seat.page.waitForTimeout(1500); // a few ping round trips

  for (let i = 0; i < 5; i++) {
    const [remaining, deadline] = await seat.page
      .getByTestId("countdown")
      .evaluate((el) => [Number(el.getAttribute("data-remaining-ms")), el.getAttribute("data-deadline")] as const);
    const truth = Date.parse(deadline!) - Date.now();
    expect(Math.abs(remaining - truth)).toBeLessThan(250);
    await seat.page.waitForTimeout(300);
  }
  expect(seat.problems).toEqual([]);
});

test("a seat the admin hands to someone else turns into a watcher, says so, and a reload watches instead of failing", async () => {
  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Revocation test" } });
  const created = await httpClient(server.url).answer("createSession", {
    adminKey: admin_key,
    body: {
      name: "Revoked room",
      pool: "2024",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: ["CHI"],
      cpu_delay_ms: 0,
      cpu_trade_offers: false,
      cpu_trades: false,
    },
  });
  const seat = await open();
  await seat.page.goto(`${server.url}/sessions/${created.session_id}?token=${created.seats[0]!.token}`);
  await seat.page.getByTestId("role").filter({ hasText: "You:" }).waitFor();

  const rotated = await httpClient(server.url).answer("rotateSeatToken", {
    params: { id: created.session_id, team_id: "CHI" },
    adminKey: admin_key,
    body: {},
  });
  expect(typeof rotated.token).toBe("string");
  await seat.page.getByTestId("seat-revoked").getByText("gave the Chicago Bears seat to someone else").waitFor();
  await expect(seat.page.getByTestId("role").textContent()).resolves.not.toContain("You:");
  await expect(seat.page.getByRole("tab", { name: /^Queue/ }).count()).resolves.toBe(0);

  // the stored token is forgotten: without the link, a reload watches
  await seat.page.goto(`${server.url}/sessions/${created.session_id}`);
  await seat.page.getByTestId("connection").getByText("Connected · live").waitFor();
  await expect(seat.page.getByTestId("role").textContent()).resolves.not.toContain("You:");
  expect(seat.problems).toEqual([]);
});
