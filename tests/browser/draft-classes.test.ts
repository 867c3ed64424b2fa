// Bringing a draft class, in a real browser against the real server: the
// console shows a bad board's problems by line before anything is saved, the
// fixed board (dropped on the box) previews and imports with edited needs,
// "Mock this class" opens a room on it, a pick is drafted from a player's card,
// and the results show it. At 390 px nothing spills sideways.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { openPage, screenshot as capture, startPageStack, type PageStack } from "../support/browser";
import { type ServerProcess } from "../support/server-process";
import { until } from "../support/until";
import { httpClient } from "../support/api-client";

jest.setTimeout(120_000);

const BOARD = readFileSync(path.join(__dirname, "../../examples/board.csv"), "utf8");
// rank "seven" on line 8, position "XYZ" on line 13
const BAD_BOARD = BOARD.replace(/\n7,/, "\nseven,").replace(/\n12,([^,]+),[A-Z]+,/, "\n12,$1,XYZ,");

let stack: PageStack;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  stack = await startPageStack("classes");
  ({ server, browser } = stack);
});
afterAll(async () => {
  await stack?.close();
});

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return capture(page, name);
}
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** Drops a CSV file on a drop box, as a file dragged from the desktop does. */
async function dropFile(page: Page, testId: string, name: string, text: string) {
  const box = page.getByTestId(testId).locator("div.border-dashed");
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: "text/csv" }));
      return data;
    },
    [name, text] as const,
  );
  await box.dispatchEvent("dragover", { dataTransfer: transfer });
  await box.dispatchEvent("drop", { dataTransfer: transfer });
}

test("a bad board shows every problem by line; fixed, it imports, mocks, drafts and shows results", async () => {
  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Class league" } });
  const { page, problems, leave } = await openPage(browser, { width: 1400, height: 1000 });
  await page.goto(`${server.url}/admin`);
  await page.getByLabel("League admin key").fill(admin_key);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("tab", { name: "Draft classes" }).click();
  await page.getByText("No imported classes yet").waitFor();

  // a bad file through the file picker: its problems, by line, and no Import
  const badFile = path.join(stack.env.DATA_DIR!, "bad-board.csv");
  writeFileSync(badFile, BAD_BOARD);
  await page.getByTestId("board-input").locator("input[type=file]").setInputFiles(badFile);
  const listed = page.getByTestId("import-problems");
  await listed.waitFor();
  await expect(listed.locator("li").allInnerTexts()).resolves.toEqual([
    'Line 8 of the board: rank must be a whole number of 1 or more, not "seven"',
    expect.stringMatching(/^Line 13 of the board: position "XYZ" is not a position/),
  ]);
  await expect(page.getByRole("button", { name: /^Import/ }).isDisabled()).resolves.toBe(true);
  await screenshot(page, "classes-desktop-problems");
  expect(await httpClient(server.url).answer("pools", { query: { kind: "imported" } })).toEqual([]);

  // the fixed file, dropped on the box: a preview of what would be stored
  await page.getByLabel("Name", { exact: true }).fill("Browser big board");
  await dropFile(page, "board-input", "board.csv", BOARD);
  const preview = page.getByTestId("import-preview");
  await preview.getByText("Ready: 420 prospects, 257 picks over 7 rounds, 32 clubs.").waitFor();
  await expect(preview.locator("tbody tr").count()).resolves.toBe(10);

  // needs edited before the import: Chicago wants an edge rusher most
  await page.getByRole("button", { name: "Edit team needs" }).click();
  const cell = page.getByLabel("Chicago Bears need at EDGE");
  await cell.fill("1");
  await cell.press("Enter");
  await page.getByRole("button", { name: "Import 420 prospects" }).click();
  await page.getByText(/^Imported Browser big board: 420 prospects, 257 picks\./).waitFor();
  const imported = (await httpClient(server.url).answer("pools", { query: { kind: "imported" } }))[0]!;
  expect(imported).toMatchObject({ name: "Browser big board", players: 420 });
  expect((await httpClient(server.url).answer("pool", { params: { pool: imported.pool } })).needs.CHI?.EDGE).toBe(1);
  await screenshot(page, "classes-desktop-imported");

  // needs edited after the import: saved as the class again (no session uses it yet, so the old one goes)
  const item = () => page.locator("[data-testid=draft-classes] li[data-pool]").first();
  await item().getByRole("button", { name: "Edit needs" }).click();
  const after = page.getByLabel("Kansas City Chiefs need at QB");
  await after.fill("0.9");
  await after.press("Tab");
  await page.getByRole("button", { name: "Save needs" }).click();
  await page.getByText("Needs of Browser big board saved.").waitFor();
  const saved = (await httpClient(server.url).answer("pools", { query: { kind: "imported" } }))[0]!;
  expect(saved.pool).not.toBe(imported.pool);
  expect((await httpClient(server.url).answer("pool", { params: { pool: saved.pool } })).needs).toMatchObject({
    KC: { QB: 0.9 },
    CHI: { EDGE: 1 },
  });
  expect(await httpClient(server.url).answer("pools", { query: { kind: "imported" } })).toHaveLength(1);

  // "New session" opens the create form on the class
  await item().getByRole("button", { name: "New session" }).click();
  await until(
    "the create form to load its classes",
    async () => (await page.getByLabel("Draft class").inputValue()) === saved.pool,
  );
  await page
    .getByLabel("Draft class")
    .getByRole("option", { name: "Browser big board" })
    .waitFor({ state: "attached" });
  await page.getByRole("tab", { name: "Draft classes" }).click();

  // the same screen on a phone: nothing spills sideways
  await page.setViewportSize({ width: 390, height: 844 });
  await dropFile(page, "board-input", "board.csv", BOARD);
  await preview.waitFor();
  await page.getByRole("button", { name: "Edit team needs" }).click();
  expect(await overflowsSideways(page)).toBe(false);
  await screenshot(page, "classes-390");
  await page.setViewportSize({ width: 1400, height: 1000 });

  // "Mock this class": one seat (the club with the first pick), the rest CPU, straight into the room
  await item().getByRole("button", { name: "Mock this class" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByTestId("on-the-clock").getByText("You are on the clock").waitFor();

  // the list shows what the board carries, and searches colleges too
  const list = page.getByTestId("player-list");
  const first = list.locator("li[data-player-id]").first();
  await expect(first.innerText()).resolves.toMatch(/Michigan · 6'5" · 293 lb · 4\.95 s/);
  await page.getByLabel("Search players").fill("notre dame");
  await until(
    "the search to narrow the list",
    async () =>
      (await list.locator("li[data-player-id]").count()) < 420 &&
      (await list.locator("li[data-player-id]").count()) > 0,
  );
  for (const text of await list.locator("li[data-player-id]").allInnerTexts()) expect(text).toMatch(/Notre Dame/);
  await page.getByLabel("Search players").fill("");
  await first.getByText("Devon Ingram").waitFor();

  // a player's card: everything, notes included; drafting from it still asks to confirm
  await first.click();
  const card = page.getByTestId("player-card");
  await card.getByText("Nose tackle who eats double teams.").waitFor();
  await expect(card.getByText("Grade").isVisible()).resolves.toBe(true);
  await screenshot(page, "room-desktop-player-card");
  await card.getByRole("button", { name: "Draft Devon Ingram" }).click();
  await page.getByRole("button", { name: "Confirm pick" }).click();
  await page.getByText("You drafted Devon Ingram.").waitFor();
  const snapshot = await httpClient(server.url).answer("snapshot", { params: { id: sessionId } });
  expect(snapshot.picks[0]).toMatchObject({ overall: 1, team_id: "CHI", player: { name: "Devon Ingram" } });

  // on a phone the card fits and the room does not spill sideways
  await page.setViewportSize({ width: 390, height: 844 });
  await list.locator("li[data-player-id]").first().click();
  await card.waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await screenshot(page, "room-390-player-card");
  await page.keyboard.press("Escape");
  expect(await overflowsSideways(page)).toBe(false);

  // the results page shows the pick, and the replay steps through it
  await leave(() => page.goto(`${server.url}/sessions/${sessionId}/results`));
  await page.getByText("Devon Ingram").first().waitFor();
  await screenshot(page, "results-390-imported-class");
  await leave(() => page.goto(`${server.url}/sessions/${sessionId}/replay`));
  await page.getByTestId("replay-position").waitFor();
  await page.keyboard.press("End");
  await until(
    "the replay to reach the picks made",
    async () => Number(await page.getByTestId("replay-picks").innerText()) >= 1,
  );
  expect(problems).toEqual([]);
});
