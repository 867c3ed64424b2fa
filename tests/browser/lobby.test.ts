// The lobby in a real browser against the real server: the session list is
// live (no reload), a solo mock starts in two clicks in a league of its own
// (tests/browser/seats.test.ts: never the admin console's), and a visitor can
// watch a running draft.
import type { Browser, Page } from "playwright-core";
import { openPage, screenshot as capture, startPageStack, type PageStack, type WatchedPage } from "../support/browser";
import { type ServerProcess } from "../support/server-process";
import { httpClient } from "../support/api-client";

jest.setTimeout(90_000);

let stack: PageStack;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  stack = await startPageStack("lobby");
  ({ server, browser } = stack);
});

afterAll(async () => {
  await stack?.close();
});

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return capture(page, name);
}

test("the session list updates without a reload and offers open seats", async () => {
  const { page, problems }: WatchedPage = await openPage(browser);
  await page.goto(server.url);
  await page.getByText("The real 2024 NFL Draft").first().waitFor();
  await page.getByRole("button", { name: "Chicago Bears" }).waitFor(); // the solo mock's team picker is loaded

  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Lobby test" } });
  const created = await httpClient(server.url).answer("createSession", {
    adminKey: admin_key,
    body: {
      name: "Friday night mock",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: ["NYG", "NE"],
      cpu_delay_ms: 0,
      cpu_trade_offers: false,
      cpu_trades: false,
    },
  });
  const entry = page.locator(`[data-session-id="${created.session_id}"]`);
  await entry.getByText("2 open seats").waitFor({ timeout: 10_000 });
  await entry.getByRole("button", { name: /Claim the NYG seat/ }).waitFor();

  // a seat claimed elsewhere disappears from the list on the next refresh
  await httpClient(server.url).answer("claimSeat", {
    params: { id: created.session_id, team_id: "NE" },
    body: { display_name: "Someone" },
  });
  await entry.getByText("1 open seat").waitFor({ timeout: 10_000 });
  await expect(entry.getByRole("button", { name: /Claim the NE seat/ }).count()).resolves.toBe(0);

  await screenshot(page, "lobby-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "lobby-390");
  expect(problems).toEqual([]);
});

test("a solo mock starts in two clicks, without the admin console's sign-in, and others can watch it", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url);
  await page.getByRole("button", { name: "Chicago Bears" }).click();
  await page.getByRole("button", { name: "Start mock as CHI" }).click();

  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split("/").at(-1)!;
  await page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();
  await expect(page.getByTestId("role").textContent()).resolves.toBe("You: Chicago Bears");

  // a mock signs nobody in to the admin console: its league's key is its own, kept for the next mock
  expect((await context.cookies()).find((c) => c.name === "warroom_admin")).toBeUndefined();
  const stored = await page.evaluate(() => localStorage.getItem("warroom:solo_league"));
  expect(JSON.parse(stored!)).toEqual({ league_id: expect.any(String), admin_key: expect.stringMatching(/^adm_/) });

  // draft #1 from the queue: star the top player, then Draft from the queue tab and confirm
  const top = page.getByTestId("player-list").locator("li[data-player-id]").first();
  const playerId = await top.getAttribute("data-player-id");
  await top.getByRole("button", { name: /^Queue / }).click();
  await page.getByRole("tab", { name: /Queue/ }).click();
  await page
    .getByTestId("queue")
    .getByRole("button", { name: /^Draft / })
    .click();
  await page.getByRole("button", { name: "Confirm pick" }).click();
  await page.locator(`[data-testid=draft-board] td[data-overall="1"][data-player-id="${playerId}"]`).waitFor();
  await expect(page.getByTestId("your-pick").textContent()).resolves.toMatch(/Your pick is in \d+ \(#9\)/);

  // someone else finds it running in the lobby and watches the CPU picks arrive
  const visitor = await openPage(browser);
  await visitor.page.goto(server.url);
  const entry = visitor.page.locator(`[data-session-id="${sessionId}"]`);
  await entry.getByText("running").waitFor();
  await entry.getByRole("link", { name: /^Watch / }).click();
  await visitor.page.getByTestId("role").filter({ hasText: "Spectating" }).waitFor();
  await visitor.page
    .locator(`[data-testid=draft-board] td[data-overall="3"][data-player-id]`)
    .waitFor({ timeout: 15_000 });
  await expect(visitor.page.getByRole("button", { name: /^Draft / }).count()).resolves.toBe(0);

  expect(problems).toEqual([]);
  expect(visitor.problems).toEqual([]);
});
