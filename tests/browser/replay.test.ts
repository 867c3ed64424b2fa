// Replay and results in a real browser against the real server: a finished
// mock (with a trade and an undone pick in its log) replays to exactly its
// final board, a deep link shows exactly that many picks, the real 2024 draft
// replays, the mock-versus-real view lines up with it, and the results page
// shows every team and exports.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, screenshot, type WatchedPage } from "../support/browser";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import type { AdminAction } from "../../lib/protocol/commands";
import type { Snapshot } from "../../lib/protocol/shapes";
import { until } from "../support/until";
import { httpClient } from "../support/api-client";

const REAL_2024 = "00000000-0000-4000-8000-000000002024";

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let viewer: WatchedPage;
let sessionId: string;
let final: Snapshot;

/** A one-round mock of 2024 with CHI human: a trade, a paused undo, admin picks for CHI, CPUs for the rest. */
async function finishedMock(): Promise<string> {
  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Replay league" } });
  const body = {
    name: "Replay mock",
    pool: "2024",
    rounds: 1,
    seconds_per_pick: 0,
    human_teams: ["CHI"],
    cpu_delay_ms: 0,
    seed: 7,
    cpu_trade_offers: false,
    cpu_trades: false,
  };
  const http = httpClient(server.url);
  const adminKey = admin_key;
  const { session_id: id } = await http.answer("createSession", { adminKey, body });
  const params = { id };
  const act = (action: AdminAction) => http.answer("action", { params, adminKey, body: { action } });
  await act("start");
  // CHI sends #1 to WAS for #2 before anyone picks
  await http.answer("adminTrade", {
    params,
    adminKey,
    body: { from_team_id: "CHI", to_team_id: "WAS", give: [1], receive: [2] },
  });
  let undone = false;
  for (;;) {
    const s = await until(
      "CHI on the clock or the end",
      async () => {
        const snap = await http.answer("snapshot", { params });
        return snap.status === "complete" || snap.current_pick?.team_id === "CHI" ? snap : null;
      },
      { timeoutMs: 20_000 },
    );
    if (s.status === "complete") return id;
    if (!undone && s.picks.length > 2) {
      await act("pause");
      await act("undo_last_pick");
      await act("resume");
      undone = true;
      continue;
    }
    const [best] = await http.answer("players", { params, query: { available: "true" } });
    await http.answer("adminPick", {
      params,
      adminKey,
      body: { team_id: "CHI", player_id: best!.player_id, expected_overall: s.current_pick!.overall },
    });
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "warroom-replay-"));
  [server, browser] = await Promise.all([
    startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? "" }),
    launchBrowser(),
  ]);
  sessionId = await finishedMock();
  final = await httpClient(server.url).answer("snapshot", { params: { id: sessionId } });
  viewer = await openPage(browser, { width: 1440, height: 1000 });
  trackRequests(viewer.page);
});

afterAll(async () => {
  await browser?.close();
  server?.child.kill("SIGTERM");
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Count the page's requests in flight, so a test can wait for quiet before navigating away. */
function trackRequests(page: Page) {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on("request", (request) => open.add(request));
  page.on("requestfinished", (request) => open.delete(request));
  page.on("requestfailed", (request) => open.delete(request));
}

/**
 * Open a page once the current one is quiet. Leaving a page aborts its
 * requests still in flight, and Chromium re-fetches the favicon after each
 * history.replaceState (the replay moves ?pick= as it plays): those aborts
 * would be reported as failed requests though nothing failed.
 */
async function open(page: Page, url: string) {
  const requests = inFlight.get(page);
  // quiet twice, 150 ms apart: the favicon fetch starts a moment after the URL changes
  const quiet = async () =>
    requests!.size === 0 && (await new Promise((resolve) => setTimeout(resolve, 150)), requests!.size === 0);
  if (requests) await until("the page to be quiet", quiet, { timeoutMs: 5_000 });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

const filled = (page: Page) => page.locator("[data-testid=draft-board] td[data-player-id]");

async function boardCells(page: Page) {
  return page.locator("[data-testid=draft-board] td[data-overall]").evaluateAll((tds) =>
    tds.map((td) => ({
      overall: Number(td.getAttribute("data-overall")),
      team: td.getAttribute("data-team"),
      player: td.getAttribute("data-player-id"),
    })),
  );
}

/** The board on the page is exactly this snapshot's board: every slot's owner and every pick. */
async function expectSameBoard(page: Page, snapshot: Snapshot) {
  const picks = new Map<number, string>(snapshot.picks.map((p) => [p.overall, p.player.player_id]));
  const cells = await boardCells(page);
  expect(cells.map((c) => [c.overall, c.team])).toEqual(snapshot.order.map((s) => [s.overall, s.team_id]));
  expect(cells.map((c) => c.player ?? undefined)).toEqual(cells.map((c) => picks.get(c.overall)));
}

const picksShown = async (page: Page) => Number(await page.getByTestId("replay-picks").textContent());

describe("replay", () => {
  test("a finished mock replays to the same board as its final snapshot", async () => {
    const { page, problems } = viewer;
    expect(final.status).toBe("complete");
    await open(page, `${server.url}/sessions/${sessionId}/replay`);
    await page.getByTestId("replay-position").waitFor();
    // it opens before the first pick, on the order before the trade
    expect(await filled(page).count()).toBe(0);
    expect(await page.locator('[data-testid=draft-board] td[data-overall="1"]').getAttribute("data-team")).toBe("CHI");

    await page.getByRole("button", { name: "Go to end" }).click();
    expect(await picksShown(page)).toBe(final.picks.length);
    await expectSameBoard(page, final);
    expect(new URL(page.url()).searchParams.get("pick")).toBe(String(final.picks.length));
    // one frame per board change: the opening board, the trade, every pick, the undone pick and its remake
    expect(await page.locator("#replay-scrub").getAttribute("max")).toBe(String(final.picks.length + 3));
    await screenshot(page, "replay-mock-end");

    // stepping with the keyboard: Home, then → one frame at a time
    await page.keyboard.press("Home");
    expect(await filled(page).count()).toBe(0);
    await page.keyboard.press("ArrowRight"); // the trade
    expect(await page.getByTestId("replay-caption").textContent()).toBe("Trade: CHI sends #1 to WAS for #2");
    expect(await page.locator('[data-testid=draft-board] td[data-overall="1"]').getAttribute("data-team")).toBe("WAS");
    await page.keyboard.press("ArrowRight");
    expect(await filled(page).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test("a deep link ?pick=N shows exactly N picks, and stepping moves the link", async () => {
    const { page, problems } = viewer;
    await open(page, `${server.url}/sessions/${sessionId}/replay?pick=10`);
    await page.getByTestId("replay-position").waitFor();
    expect(await filled(page).count()).toBe(10);
    expect(await picksShown(page)).toBe(10);
    const overalls = await filled(page).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-overall"))));
    expect(overalls).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await page.getByTestId("replay-caption").textContent()).toContain(
      `#10 (round 1, pick 10) ${final.picks[9]!.team_id}: ${final.picks[9]!.player.name}`,
    );

    await page.getByRole("button", { name: "Step back" }).click();
    expect(await filled(page).count()).toBe(9);
    await until("the URL to follow", async () => new URL(page.url()).searchParams.get("pick") === "9", {
      timeoutMs: 20_000,
    });

    // the scrubber reaches any pick
    await page.locator("#replay-scrub").focus();
    await page.keyboard.press("End");
    expect(await picksShown(page)).toBe(final.picks.length);
    expect(problems).toEqual([]);
  });

  test("plays at 16× and pauses", async () => {
    const { page, problems } = viewer;
    await open(page, `${server.url}/sessions/${sessionId}/replay?pick=0`);
    await page.getByRole("button", { name: "16×" }).click();
    await page.getByTestId("play").click();
    await until("playback to advance", async () => (await picksShown(page)) >= 5, { timeoutMs: 5_000 });
    await page.getByTestId("play").click();
    const stopped = await picksShown(page);
    // playing at 16×, a frame comes every 1000 / 16 ms: five steps' time without one means it is paused
    await page.waitForTimeout(5 * (1000 / 16));
    expect(await picksShown(page)).toBe(stopped);
    expect(problems).toEqual([]);
  });

  test("the mock-versus-real view shows where each player really went", async () => {
    const { page, problems } = viewer;
    const real = await httpClient(server.url).answer("snapshot", { params: { id: REAL_2024 } });
    const realByPlayer = new Map(real.picks.map((p) => [p.player.player_id, p]));
    await open(page, `${server.url}/sessions/${sessionId}/replay?pick=5`);
    const rows = page.getByTestId("mock-vs-real").locator("tbody tr[data-overall]");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    for (const pick of final.picks.slice(0, 5)) {
      const where = realByPlayer.get(pick.player.player_id);
      const text = await page.getByTestId("mock-vs-real").locator(`tr[data-overall="${pick.overall}"]`).textContent();
      expect(text).toContain(pick.player.name);
      expect(text).toContain(where ? `#${where.overall} ${where.team_id}` : "undrafted");
    }
    await screenshot(page, "replay-mock-vs-real");
    expect(problems).toEqual([]);
  });

  test("the real 2024 draft replays, deep link included", async () => {
    const { page, problems } = viewer;
    const real = await httpClient(server.url).answer("snapshot", { params: { id: REAL_2024 } });
    await open(page, `${server.url}/sessions/${REAL_2024}/replay?pick=37`);
    await page.getByTestId("replay-position").waitFor();
    expect(await filled(page).count()).toBe(37);
    expect(await page.locator('[data-testid=draft-board] td[data-overall="37"]').getAttribute("data-player-id")).toBe(
      real.picks[36]!.player.player_id,
    );
    await screenshot(page, "replay-real-2024");
    await page.getByRole("button", { name: "Go to end" }).click();
    expect(await picksShown(page)).toBe(real.picks.length);
    await expectSameBoard(page, real);
    // the real draft is the real draft: no mock-versus-real panel on it
    expect(await page.getByTestId("mock-vs-real").count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test("fits a phone", async () => {
    const phone = await openPage(browser, { width: 390, height: 844 });
    await open(phone.page, `${server.url}/sessions/${sessionId}/replay?pick=12`);
    await phone.page.getByTestId("replay-position").waitFor();
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(phone.page, "replay-390");
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});

describe("results", () => {
  test("shows every team, and exports CSV and JSON", async () => {
    const { page, problems } = viewer;
    await open(page, `${server.url}/sessions/${sessionId}/results`);
    const cards = page.getByTestId("team-cards").locator("article[data-team]");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(final.teams.length);
    expect(await page.getByTestId("value-chart").locator("li[data-team]").count()).toBe(final.teams.length);
    const chi = await page.getByTestId("team-cards").locator('article[data-team="CHI"]').textContent();
    for (const pick of final.picks.filter((p) => p.team_id === "CHI")) expect(chi).toContain(pick.player.name);
    expect(await page.getByRole("textbox", { name: "Share" }).inputValue()).toBe(
      `${server.url}/sessions/${sessionId}/results`,
    );

    // CSV is one table a file: the picks, and the trades beside them
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Picks CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toBe(
      "overall,round,pick_in_round,team_id,original_team_id,player_id,player_name,position,college,rank,auto,made_at",
    );
    expect(csv.slice(1)).toHaveLength(final.picks.length);
    expect(csv.slice(1).every((line) => /^\d+,1,/.test(line))).toBe(true);
    const [tradesDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Trades CSV" }).click(),
    ]);
    const trades = readFileSync((await tradesDownload.path())!, "utf8")
      .trim()
      .split("\n");
    expect(trades[0]).toBe(
      "trade_id,status,from_team_id,to_team_id,give,receive,give_future,receive_future,chart,value_give,value_receive",
    );
    expect(trades.slice(1)).toEqual([expect.stringMatching(/^[0-9a-f-]{36},executed,CHI,WAS,/)]);
    const json = await page.evaluate(
      async (href) => (await fetch(href)).json(),
      (await page.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!,
    );
    expect(json.picks).toHaveLength(final.picks.length);
    expect(json.trades).toEqual([
      expect.objectContaining({ from_team_id: "CHI", to_team_id: "WAS", status: "executed" }),
    ]);
    await screenshot(page, "results");
    expect(problems).toEqual([]);
  });
});
