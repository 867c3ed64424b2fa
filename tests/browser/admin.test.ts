// The admin console in a real browser against the real server: sign-in keeps
// the key in an httpOnly cookie, and a session is created, started, run
// (pick on behalf, force autopick, commissioner trade), paused and a pick
// undone, with the live board agreeing with GET /api/sessions/:id throughout.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, screenshot, type WatchedPage } from "../support/browser";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { until } from "../support/until";
import { httpClient } from "../support/api-client";

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let admin: WatchedPage;
/** the league key the first test created */
let leagueKey: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "warroom-admin-"));
  [server, browser] = await Promise.all([
    startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? "" }),
    launchBrowser(),
  ]);
  admin = await openPage(browser, { width: 1440, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  server?.child.kill("SIGTERM");
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const snapshotOf = (sessionId: string) => httpClient(server.url).answer("snapshot", { params: { id: sessionId } });

/** The live board shows exactly the server's picks, owners and pick on the clock. */
async function expectBoardMatchesServer(page: Page, sessionId: string) {
  const snapshot = await snapshotOf(sessionId);
  await until(
    "the board to show the server's picks",
    async () => (await page.locator("[data-testid=draft-board] td[data-player-id]").count()) === snapshot.picks.length,
  );
  const cells = await page.locator("[data-testid=draft-board] td[data-overall]").evaluateAll((tds) =>
    tds.map((td) => ({
      overall: Number(td.getAttribute("data-overall")),
      team: td.getAttribute("data-team"),
      player: td.getAttribute("data-player-id"),
      current: td.getAttribute("aria-current") === "step",
    })),
  );
  const picks = new Map<number, string>(snapshot.picks.map((p) => [p.overall, p.player.player_id]));
  expect(cells.map((c) => c.overall)).toEqual(snapshot.order.map((s) => s.overall));
  expect(cells.map((c) => c.team)).toEqual(snapshot.order.map((s) => s.team_id));
  expect(cells.map((c) => c.player ?? undefined)).toEqual(cells.map((c) => picks.get(c.overall)));
  expect(cells.filter((c) => c.current).map((c) => c.overall)).toEqual(
    snapshot.current_pick ? [snapshot.current_pick.overall] : [],
  );
  return snapshot;
}

describe("admin console", () => {
  test("signs in with an httpOnly cookie the page's scripts cannot read", async () => {
    const { page, context, problems } = admin;
    await page.goto(`${server.url}/admin`);
    await page.getByLabel("League name").fill("Browser league");
    await page.getByRole("button", { name: "Create league" }).click();
    const key = (await page.getByTestId("new-admin-key").textContent())!.trim();
    expect(key.length).toBeGreaterThan(10);
    leagueKey = key;
    await page.getByRole("button", { name: "I saved it, open the console" }).click();
    await expect(page.getByTestId("league-name").textContent()).resolves.toBe("Browser league");

    const cookie = (await context.cookies()).find((c) => c.name === "warroom_admin");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    const visible = await page.evaluate(() => ({
      cookie: document.cookie,
      text: document.body.innerText,
      storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
    }));
    expect(visible.cookie).not.toContain(key);
    expect(visible.text).not.toContain(key);
    expect(visible.storage).not.toContain(key);

    // signing out drops the cookie; signing in with the key sets it again
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("League admin key").fill(key);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("league-name").textContent()).resolves.toBe("Browser league");
    await admin.leave(() => page.reload());
    await page.getByTestId("league-name").waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain(key);
    expect(problems).toEqual([]);
  });

  test("creates a session, starts it, picks, trades, pauses and undoes a pick: the board and the server agree", async () => {
    const { page, problems } = admin;
    await page.getByLabel("Name", { exact: true }).fill("Admin run");
    await page.getByLabel("Rounds").fill("2");
    await page.getByLabel("Seconds / pick").fill("0");
    await page.getByLabel("CPU delay (ms)").fill("0");
    await page.getByLabel("CHI", { exact: true }).check();
    await page.getByLabel("WAS", { exact: true }).check();
    await page.getByRole("button", { name: "Create session" }).click();

    const links = page.getByTestId("new-seat-links");
    await links.locator("code").nth(1).waitFor();
    await expect(links.locator("code").allTextContents()).resolves.toEqual([
      expect.stringContaining("?token="),
      expect.stringContaining("?token="),
    ]);
    const oldChiLink = (await links.locator("li", { hasText: "CHI" }).locator("code").textContent())!;
    await page.getByTestId("admin-sessions").getByText("Admin run").waitFor();
    const sessionId = await until("the session in the URL", async () =>
      new URL(page.url()).searchParams.get("session"),
    );
    await page.getByTestId("runner-status").getByText("lobby").waitFor();

    await page.getByRole("button", { name: "Start", exact: true }).click();
    await page.getByTestId("on-the-clock").getByText("#1").waitFor();
    expect((await snapshotOf(sessionId)).current_pick?.team_id).toBe("CHI");

    // pick on CHI's behalf, then force WAS's pick; the CPUs then run to the next human pick
    await page.locator("#pob-player option").first().waitFor({ state: "attached" });
    await page.locator("#pob-player").selectOption({ index: 0 });
    await page.getByRole("button", { name: /^Pick .+ for CHI$/ }).click();
    await page.getByTestId("on-the-clock").getByText("#2").waitFor();
    await page.getByRole("button", { name: "Force autopick" }).click();
    const blocked = await until("the CPUs to reach a human pick", async () => {
      const s = await snapshotOf(sessionId);
      return s.current_pick && s.current_pick.overall > 2 && ["CHI", "WAS"].includes(s.current_pick.team_id) ? s : null;
    });
    expect(blocked.picks[1]).toMatchObject({ team_id: "WAS", auto: true });
    await expectBoardMatchesServer(page, sessionId);

    // a commissioner trade: the next pick on the clock swaps owners
    const onClock = blocked.current_pick!;
    const other = onClock.team_id === "CHI" ? "WAS" : "CHI";
    const theirs = blocked.order.find((s) => s.team_id === other && s.overall > onClock.overall)!;
    await page.locator("#trade-from").selectOption(onClock.team_id);
    await page.locator("#trade-to").selectOption(other);
    await page.getByLabel(`#${onClock.overall} R${onClock.round}`, { exact: true }).check();
    await page.getByLabel(`#${theirs.overall} R${theirs.round}`, { exact: true }).check();
    await page.getByRole("button", { name: "Execute trade" }).click();
    await page.getByText(/Trade executed/).waitFor();
    await page
      .locator(`[data-testid=draft-board] td[data-overall="${onClock.overall}"][data-team="${other}"]`)
      .waitFor();
    await expectBoardMatchesServer(page, sessionId);

    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByTestId("runner-status").getByText("paused").waitFor();
    const before = await snapshotOf(sessionId);
    await page.getByRole("button", { name: "Undo last pick" }).click();
    await page.getByRole("button", { name: "Yes, undo last pick" }).click();
    await until("the undo to land", async () => (await snapshotOf(sessionId)).picks.length === before.picks.length - 1);
    const after = await expectBoardMatchesServer(page, sessionId);
    expect(after.status).toBe("paused");
    expect(after.current_pick?.overall).toBe(before.picks.at(-1)?.overall);

    // a lost seat link is replaced: the new one differs from the one shown at creation
    await page
      .getByTestId("seat-rotation")
      .locator("li", { hasText: "CHI" })
      .getByRole("button", { name: "New link" })
      .click();
    const newChiLink = (await page.locator("[data-seat-link=CHI]").textContent())!;
    expect(newChiLink).toContain(`/sessions/${sessionId}?token=`);
    expect(newChiLink).not.toBe(oldChiLink);

    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByTestId("runner-status").getByText("running").waitFor();
    await screenshot(page, "admin-console");

    // completing with picks left says so and offers to make them: every slot is filled, none left empty
    const left = await snapshotOf(sessionId);
    const remaining = left.order.length - left.picks.length;
    expect(remaining).toBeGreaterThan(1);
    await page.getByRole("button", { name: "Complete draft" }).click();
    const choice = page.getByTestId("complete-choice");
    await choice.getByText(`${remaining} picks are still to be made`).waitFor();
    await choice.getByRole("button", { name: `End now, ${remaining} picks left empty` }).waitFor();
    await screenshot(page, "admin-complete-choice");
    await choice.getByRole("button", { name: `Autopick the ${remaining} picks and complete` }).click();
    await page.getByTestId("runner-status").getByText("complete").waitFor();
    const completed = await snapshotOf(sessionId);
    expect(completed.status).toBe("complete");
    expect(completed.picks.map((p) => p.overall)).toEqual(completed.order.map((s) => s.overall));
    await expectBoardMatchesServer(page, sessionId);
    expect(problems).toEqual([]);
  });

  test("replaces the admin key: the old one stops working at once, this console stays signed in", async () => {
    const { page, context, problems } = admin;
    await page.getByRole("button", { name: "Admin key" }).click();
    await page.getByRole("button", { name: "Replace the admin key" }).click();
    const fresh = (await page.getByTestId("replaced-admin-key").textContent())!.trim();
    expect(fresh).toMatch(/^adm_/);
    await screenshot(page, "admin-key-replaced");
    expect(fresh).not.toBe(leagueKey);
    const me = (key: string) => httpClient(server.url).call("adminMe", { adminKey: key });
    expect((await me(leagueKey)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
    // the cookie now holds the new key, still out of the page's reach
    expect((await context.cookies()).find((c) => c.name === "warroom_admin")?.value).toBe(fresh);
    expect(await page.evaluate(() => document.cookie)).not.toContain(fresh);
    await page.getByRole("region", { name: "Admin key" }).getByRole("button", { name: "Done" }).click();
    await admin.leave(() => page.reload());
    await expect(page.getByTestId("league-name").textContent()).resolves.toBe("Browser league");
    expect(problems).toEqual([]);
  });

  test("is usable at phone width", async () => {
    const phone = await openPage(browser, { width: 390, height: 844 });
    await phone.page.goto(`${server.url}/admin`);
    await phone.page.getByRole("button", { name: "Sign in" }).waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone.page, "admin-signed-out-390");
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
