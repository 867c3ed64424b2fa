// The trade centre in a real browser against the real server: a lowball the
// CPU GM turns down says so and why (not a green "Offer sent"), a fair offer
// says it is done, picks read "R1 #4", and an offer whose pick was used first
// reads "expired", not "rejected".
import type { Socket } from "socket.io-client";
import { openPage, screenshot, startPageStack, type PageStack, type WatchedPage } from "../support/browser";
import { httpClient } from "../support/api-client";
import { connectTestClient, nextEvent, request } from "../support/test-server";

jest.setTimeout(120_000);

let stack: PageStack;
let chi: WatchedPage;
let sessionId: string;
let adminKey: string;
let was: Socket;
const sockets: Socket[] = [];

beforeAll(async () => {
  stack = await startPageStack("trades");
  const http = httpClient(stack.server.url);
  ({ admin_key: adminKey } = await http.answer("createLeague", { body: { name: "Trade league" } }));
  const created = await http.answer("createSession", {
    adminKey,
    body: {
      name: "Trade night",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: ["CHI", "WAS"],
      // the CPU seats wait for the commissioner: nothing moves unless the test moves it
      cpu_delay_ms: 60_000,
      cpu_trade_offers: false,
      cpu_trades: false,
      seed: 7,
    },
  });
  sessionId = created.session_id;
  const token = (team: string) => created.seats.find((s) => s.team_id === team)!.token;
  was = await connectTestClient(stack.server.url, sockets);
  expect((await request(was, "join_session", { session_id: sessionId, token: token("WAS") })).ok).toBe(true);
  chi = await openPage(stack.browser, { width: 1400, height: 1000 });
  await chi.page.goto(`${stack.server.url}/sessions/${sessionId}?token=${token("CHI")}`);
  await chi.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
  await chi.page.getByRole("tab", { name: /Trades/ }).click();
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await stack?.close();
});

const centre = () => chi.page.getByTestId("trade-centre");

test("a lowball turned down by a CPU GM says why and keeps the offer to sweeten; a fair one says it is done", async () => {
  const { page, problems } = chi;
  await page.locator("#trade-partner").selectOption("ARI");
  const give = centre().getByRole("group", { name: "You give" });
  const get = centre().getByRole("group", { name: "You get from ARI" });
  await give.getByLabel("Pick 9").check();
  await get.getByLabel("Pick 4").check();
  await centre().getByRole("button", { name: "Propose trade" }).click();

  await centre()
    .getByText(/^Arizona Cardinals said no: on the hill chart you offered [\d,]+ for [\d,]+/)
    .waitFor();
  expect(
    await centre()
      .getByText(/Offer sent/)
      .count(),
  ).toBe(0);
  // still ticked, to be sweetened
  expect(await give.getByLabel("Pick 9").isChecked()).toBe(true);
  const lowball = centre().locator("[data-trade-status=rejected]").first();
  await lowball.getByText("R1 #9 ⇄ R1 #4").waitFor();
  await lowball.getByText("turned down").waitFor();
  await screenshot(page, "trades-turned-down-1400");

  await get.getByLabel("Pick 4").uncheck();
  await get.getByLabel("Pick 27").check();
  await centre().getByRole("button", { name: "Propose trade" }).click();
  await centre().getByText("Trade done: you gave R1 #9 and got R1 #27.").waitFor();
  await centre().locator("[data-trade-status=executed]").getByText("R1 #9 ⇄ R1 #27").waitFor();
  expect(problems).toEqual([]);
});

test("an offer whose pick was used before anyone answered reads as expired, not rejected", async () => {
  const { page, problems } = chi;
  const offer = await request(was, "propose_trade", {
    session_id: sessionId,
    from_team_id: "WAS",
    to_team_id: "CHI",
    give: [2],
    receive: [27],
  });
  expect(offer.ok).toBe(true);
  await centre().getByTestId("incoming-offer").waitFor();

  // the commissioner runs picks 1 and 2: WAS's #2 is used, so the offer can never execute
  const http = httpClient(stack.server.url);
  await http.answer("action", { params: { id: sessionId }, body: { action: "start" }, adminKey });
  for (let i = 0; i < 2; i++)
    await http.answer("action", { params: { id: sessionId }, body: { action: "force_autopick" }, adminKey });

  const expired = centre().locator("[data-trade-status=rejected]", { hasText: "R1 #2 ⇄ R1 #27" });
  await expired.getByText("expired").waitFor();
  expect(await centre().getByTestId("incoming-offer").count()).toBe(0);
  await screenshot(page, "trades-history-1400");
  await page.setViewportSize({ width: 390, height: 844 });
  await centre().scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, "trades-history-390");
  expect(problems).toEqual([]);
});

test("future picks, a CPU GM's counter-offer sent in one click, and shopping the pick on the clock", async () => {
  const { page, problems } = chi;
  const http = httpClient(stack.server.url);
  const give = centre().getByRole("group", { name: "You give" });
  await page.setViewportSize({ width: 1400, height: 1000 });

  // a future pick offered to a human seat reaches it as part of the offer
  await page.locator("#trade-partner").selectOption("WAS");
  await give.getByLabel("Next year R1 (CHI)").check();
  await centre().getByRole("group", { name: "You get from WAS" }).getByLabel("In 2 years R2 (WAS)").check();
  const incoming = nextEvent(was, "trade_proposed");
  await centre().getByRole("button", { name: "Propose trade" }).click();
  await centre()
    .getByText(/^Offer sent to Washington Commanders: Next year R1 \(CHI\) for In 2 years R2 \(WAS\)\./)
    .waitFor();
  expect((await incoming).trade).toMatchObject({
    give: [],
    receive: [],
    give_future: [{ season_offset: 1, round: 1, original_team_id: "CHI" }],
    receive_future: [{ season_offset: 2, round: 2, original_team_id: "WAS" }],
  });

  // a lowball to a CPU GM comes back with the package it would take; one click sends it
  await page.locator("#trade-partner").selectOption("ARI");
  await give.getByLabel("Next year R1 (CHI)").uncheck();
  await give.getByLabel("In 2 years R3 (CHI)").check();
  await centre().getByRole("group", { name: "You get from ARI" }).getByLabel("Next year R2 (ARI)").check();
  await centre().getByRole("button", { name: "Propose trade" }).click();
  const counter = centre().getByTestId("counter-offer");
  await counter.getByText(/would take In 2 years R3 \(CHI\) \+ .+ for Next year R2 \(ARI\)\.$/).waitFor();
  await screenshot(page, "trades-counter-1400");
  // on a phone: the same counter, future picks in the lists, nothing wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  await counter.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, "trades-counter-390");
  await page.setViewportSize({ width: 1400, height: 1000 });
  await counter.getByRole("button", { name: "Send their counter-offer" }).click();
  await centre()
    .getByText(/^Trade done: you gave In 2 years R3 \(CHI\) \+ .+ and got Next year R2 \(ARI\)\.$/)
    .waitFor();
  await centre().locator("[data-trade-status=executed]", { hasText: "Next year R2 (ARI)" }).first().waitFor();

  // CHI is on the clock at #27 (the commissioner runs 3 to 26): it may shop the pick; CPU clubs answer with offers
  for (let overall = 3; overall < 27; overall++)
    await http.answer("action", { params: { id: sessionId }, body: { action: "force_autopick" }, adminKey });
  await centre()
    .getByRole("button", { name: /^Shop this pick/ })
    .click();
  const answer = centre().getByText(/(wants? your pick: their offers are above|No team wants to move up)/);
  await answer.waitFor();
  const offers = await centre().getByTestId("incoming-offer").count();
  expect(offers).toBeLessThanOrEqual(3);
  if (offers > 0) {
    await screenshot(page, "trades-shop-1400");
    await page.setViewportSize({ width: 390, height: 844 });
    await centre().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "trades-shop-390");
    await centre().getByTestId("incoming-offer").first().getByRole("button", { name: "Accept" }).click();
    await centre().getByText("Trade accepted.").waitFor();
  }
  console.log(`shopping #27 brought ${offers} offer(s)`);
  expect(problems).toEqual([]);
});
