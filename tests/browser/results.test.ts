// The payoff in a real browser against the real server: a finished room says
// "Draft complete — Results · Replay"; its Results link opens the results with
// the seat's own team first, with its grade and picks, then the other teams
// with theirs; the shareable card is a 1200×630 PNG, the page's og:image, and
// downloads. A viewer without a seat sees every team alike.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { openPage, screenshot as capture, startPageStack, type PageStack, type WatchedPage } from "../support/browser";
import type { ServerProcess } from "../support/server-process";
import { httpClient } from "../support/api-client";
import { until } from "../support/until";
import type { Results } from "../../lib/protocol/results";

jest.setTimeout(120_000);

let stack: PageStack;
let server: ServerProcess;
let browser: Browser;
let http: ReturnType<typeof httpClient>;
let adminKey: string;

beforeAll(async () => {
  stack = await startPageStack("results");
  ({ server, browser } = stack);
  http = httpClient(server.url);
  adminKey = (await http.answer("createLeague", { body: { name: "Results league" } })).admin_key;
});

afterAll(async () => {
  await stack?.close();
});

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return capture(page, name);
}

/** A PNG's width and height from its IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function createSession(name: string, humans: string[]) {
  return http.answer("createSession", {
    adminKey,
    body: {
      name,
      pool: "2024",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: humans,
      cpu_delay_ms: 0,
      seed: 7,
      cpu_trade_offers: false,
      cpu_trades: false,
    },
  });
}

/** Every human pick made for its team by the admin (the board's best player left) until the draft is complete. */
async function finish(id: string, humans: string[]) {
  const params = { id };
  for (;;) {
    const snap = await until(
      "a human team on the clock, or the end",
      async () => {
        const s = await http.answer("snapshot", { params });
        return s.status === "complete" || (s.current_pick && humans.includes(s.current_pick.team_id)) ? s : null;
      },
      { timeoutMs: 30_000 },
    );
    if (snap.status === "complete") return;
    // the tenth-best player left: a reach, so the seat's grade is not simply the best
    const available = await http.answer("players", { params, query: { available: "true" } });
    await http.answer("adminPick", {
      params,
      adminKey,
      body: {
        team_id: snap.current_pick!.team_id,
        player_id: available[9]!.player_id,
        expected_overall: snap.current_pick!.overall,
      },
    });
  }
}

describe("results, grades and the card", () => {
  let id: string;
  let results: Results;
  let seat: WatchedPage;

  test("the finished room links to results and replay; results open with the seat's team, its grade and picks", async () => {
    const created = await createSession("Grades mock", ["CHI"]);
    id = created.session_id;
    const token = created.seats.find((s) => s.team_id === "CHI")!.token;
    seat = await openPage(browser, { width: 1400, height: 1000 });
    const { page } = seat;
    await page.goto(`${server.url}/sessions/${id}?token=${token}`);
    await page.getByTestId("your-pick").waitFor();
    await http.answer("action", { params: { id }, adminKey, body: { action: "start" } });
    await finish(id, ["CHI"]);

    // the room's end: "Draft complete — Results · Replay"
    const links = page.getByTestId("draft-complete-links");
    await links.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("on-the-clock-team").textContent()).toBe("Draft complete");
    expect(await links.textContent()).toMatch(/picks made — Results · Replay$/);
    expect(await links.getByRole("link", { name: "Replay" }).getAttribute("href")).toBe(`/sessions/${id}/replay`);
    const toResults = links.getByRole("link", { name: "Results" });
    expect(await toResults.getAttribute("href")).toBe(`/sessions/${id}/results`);
    await screenshot(page, "room-complete-links-1400");
    // on a phone too: both links whole and on screen
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ["Results", "Replay"]) {
      const box = (await links.getByRole("link", { name }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390 - 12);
    }
    await screenshot(page, "room-complete-links-390");
    await page.setViewportSize({ width: 1400, height: 1000 });
    await seat.leave(async () => {
      await toResults.click();
      await page.waitForURL(`${server.url}/sessions/${id}/results`);
    });

    results = await http.answer("results", { params: { id } });
    const chi = results.teams.find((t) => t.team_id === "CHI")!;
    expect(chi.grade).toBeDefined();
    const mine = page.getByTestId("your-team");
    await mine.waitFor();
    expect(await mine.getAttribute("data-team")).toBe("CHI");
    expect(await mine.getByTestId("grade").textContent()).toBe(chi.grade);
    for (const pick of chi.picks) expect(await mine.textContent()).toContain(pick.player.name);
    // first on the page: above the card, the exports and every other team
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top("[data-testid=your-team]")).toBeLessThan(await top("[data-testid=team-cards]"));
    const others = page.getByTestId("team-cards").locator("article[data-team]");
    expect(await others.count()).toBe(31);
    expect(await page.getByTestId("team-cards").locator('article[data-team="CHI"]').count()).toBe(0);
    // every other team that picked shows its grade
    const kc = results.teams.find((t) => t.team_id === "KC")!;
    expect(await others.and(page.locator('[data-team="KC"]')).getByTestId("grade").textContent()).toBe(kc.grade);
  });

  test("the card is shown, downloads as a 1200×630 PNG, and is the page's og:image", async () => {
    const { page } = seat;
    const card = page.getByTestId("share-card").getByRole("img");
    await until("the card to load", () =>
      card.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    );
    expect(await card.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1200, 630]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download card" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("warroom-grades-mock-grades.png");
    expect(pngSize(readFileSync((await download.path())!))).toEqual({ width: 1200, height: 630 });

    // what a link preview reads: the HTML's og:image, an absolute URL to the PNG
    const html = await (await fetch(`${server.url}/sessions/${id}/results`)).text();
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(og).toMatch(new RegExp(`^${server.url}/sessions/${id}/results/opengraph-image`));
    expect(html).toMatch(/<meta property="og:image:width" content="1200"/);
    expect(html).toMatch(/<meta property="og:image:height" content="630"/);
    expect(html).toContain("<title>Grades mock: draft grades · WarRoom</title>");
    const image = await fetch(og!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 1200, height: 630 });

    await screenshot(page, "results-1400");
    await page.getByTestId("share-card").scrollIntoViewIfNeeded();
    await capture(page, "results-1400-card");
    expect(seat.problems).toEqual([]);
  });

  test("at 390 px the seat's team still comes first, with its grade, and nothing overflows", async () => {
    const { page } = seat;
    await page.setViewportSize({ width: 390, height: 844 });
    const mine = page.getByTestId("your-team");
    expect(await mine.getByTestId("grade").isVisible()).toBe(true);
    const box = (await mine.boundingBox())!;
    expect(box.y).toBeLessThan(250);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "results-390");
    await page.getByTestId("share-card").scrollIntoViewIfNeeded();
    await capture(page, "results-390-card");
    expect(seat.problems).toEqual([]);
    await seat.context.close();
  });

  test("a viewer without a seat sees every team with its grade, none singled out", async () => {
    const viewer = await openPage(browser, { width: 1400, height: 1000 });
    await viewer.page.goto(`${server.url}/sessions/${id}/results`);
    const cards = viewer.page.getByTestId("team-cards").locator("article[data-team]");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(32);
    expect(await viewer.page.getByTestId("your-team").count()).toBe(0);
    // a club without a pick in this one-round draft has no grade: a dash
    const shown = await cards.evaluateAll((articles) =>
      articles.map((a) => [a.getAttribute("data-team"), a.querySelector("[data-testid=grade]")?.textContent]),
    );
    expect(Object.fromEntries(shown)).toEqual(
      Object.fromEntries(results.teams.map((t) => [t.team_id, t.grade ?? "–"])),
    );
    expect(results.teams.filter((t) => t.grade === undefined).length).toBeGreaterThan(0);
    expect(viewer.problems).toEqual([]);
    await viewer.context.close();
  });

  test("a league draft's card shows the grades; an unknown session has no card", async () => {
    const { session_id } = await createSession("League night", ["CHI", "NYG"]);
    await http.answer("action", { params: { id: session_id }, adminKey, body: { action: "start" } });
    await finish(session_id, ["CHI", "NYG"]);
    const image = await fetch(`${server.url}/sessions/${session_id}/results/opengraph-image`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("cache-control")).toBe("no-store");
    expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    const unknown = await fetch(`${server.url}/sessions/00000000-0000-4000-8000-00000000dead/results/opengraph-image`);
    expect(unknown.status).toBe(404);
    const broken = await fetch(`${server.url}/sessions/not-a-session/results/opengraph-image`);
    expect(broken.status).toBe(400);
  });
});
