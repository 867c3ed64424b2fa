// Room chat in real browsers against the real server: two seats talk (one at
// 1400 px with the panel beside the board, one on a 390 px phone where chat is
// a tab with an unread count), HTML stays text, a spectator reads only, a
// reload brings the history back, and the admin console posts as the
// commissioner and clears the chat for everyone.
import { openPage, screenshot, startPageStack, type PageStack, type WatchedPage } from "../support/browser";
import { httpClient } from "../support/api-client";

jest.setTimeout(180_000);

let stack: PageStack;
let chi: WatchedPage;
let was: WatchedPage;
let sessionId: string;
let adminKey: string;

beforeAll(async () => {
  stack = await startPageStack("chat");
  const http = httpClient(stack.server.url);
  ({ admin_key: adminKey } = await http.answer("createLeague", { body: { name: "Chat league" } }));
  const created = await http.answer("createSession", {
    adminKey,
    body: {
      name: "Chat night",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: ["CHI", "WAS"],
      cpu_delay_ms: 60_000,
      cpu_trade_offers: false,
      cpu_trades: false,
    },
  });
  sessionId = created.session_id;
  const token = (team: string) => created.seats.find((s) => s.team_id === team)!.token;
  // WAS is claimed in the lobby under a name (the claim hands out the seat's token)
  const claimed = await http.answer("claimSeat", {
    params: { id: sessionId, team_id: "WAS" },
    body: { display_name: "Jordan" },
  });
  chi = await openPage(stack.browser, { width: 1400, height: 1000 });
  was = await openPage(stack.browser, { width: 390, height: 844 });
  await Promise.all([
    chi.page.goto(`${stack.server.url}/sessions/${sessionId}?token=${token("CHI")}`),
    was.page.goto(`${stack.server.url}/sessions/${sessionId}?token=${claimed.token}`),
  ]);
  await chi.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
  await was.page.getByTestId("role").filter({ hasText: "Washington Commanders" }).waitFor();
});

afterAll(async () => {
  await stack?.close();
});

const deskChat = () => chi.page.getByTestId("chat-panel");
const phoneChat = () => was.page.getByTestId("chat-tab-panel");

test("two seats chat: Enter sends, the sender, time and text show, HTML stays text, a phone's tab counts unread", async () => {
  // at 1400 px the chat sits beside the board and is no tab
  await deskChat().getByTestId("chat-empty").waitFor();
  expect(await chi.page.getByRole("tab", { name: /Chat/ }).isVisible()).toBe(false);
  const boardBox = await chi.page.getByRole("region", { name: "Draft board" }).boundingBox();
  const chatBox = await deskChat().boundingBox();
  expect(chatBox!.x).toBeGreaterThan(boardBox!.x + boardBox!.width);
  expect(Math.abs(chatBox!.y - boardBox!.y)).toBeLessThan(2);

  const text = `<b>Bears</b> on the clock <img src=x onerror="window.__pwned=1">`;
  await deskChat().getByLabel("Message", { exact: true }).fill(text);
  await deskChat().getByLabel("Message", { exact: true }).press("Enter");
  const mine = deskChat().getByTestId("chat-message").first();
  await mine.getByTestId("chat-text").filter({ hasText: "Bears" }).waitFor();
  await expect(mine.getByTestId("chat-text").textContent()).resolves.toBe(text);
  await expect(mine.getByTestId("chat-sender").textContent()).resolves.toBe("Chicago Bears (you)");
  await expect(mine.locator("time").textContent()).resolves.toMatch(/^\d{1,2}:\d{2}/);
  expect(await deskChat().getByLabel("Message", { exact: true }).inputValue()).toBe("");
  // rendered as text: no element came out of the message, no script ran
  expect(await deskChat().locator("[data-testid=chat-text] b, [data-testid=chat-text] img").count()).toBe(0);
  expect(await chi.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // a height that does not change as messages arrive: nothing below moves
  expect((await deskChat().boundingBox())!.height).toBeCloseTo(chatBox!.height, 0);

  // the phone: the message waits behind the Chat tab's badge
  const chatTab = was.page.getByRole("tab", { name: /Chat/ });
  await was.page.getByTestId("badge-chat").filter({ hasText: "1" }).waitFor();
  // arrow keys reach the tab; opening it clears the badge
  await was.page.getByRole("tab", { name: /Picks/ }).click();
  await was.page.getByRole("tab", { name: /Picks/ }).press("ArrowRight");
  await expect(chatTab.getAttribute("aria-selected")).resolves.toBe("true");
  await phoneChat().getByTestId("chat-text").filter({ hasText: "Bears" }).waitFor();
  expect(await was.page.getByTestId("badge-chat").count()).toBe(0);
  await expect(phoneChat().getByTestId("chat-text").first().textContent()).resolves.toBe(text);

  await phoneChat().getByLabel("Message", { exact: true }).fill("  Commanders take the QB next  ");
  await phoneChat().getByLabel("Message", { exact: true }).press("Enter");
  const reply = deskChat().getByTestId("chat-message").nth(1);
  await reply.getByTestId("chat-text").filter({ hasText: "Commanders take the QB next" }).waitFor();
  await expect(reply.getByTestId("chat-text").textContent()).resolves.toBe("Commanders take the QB next");
  // the claimed seat's name
  await expect(reply.getByTestId("chat-sender").textContent()).resolves.toBe("Jordan");
  // a screen reader hears the new message once (the list itself is no live region)
  await deskChat()
    .getByTestId("chat-announcer")
    .filter({ hasText: "Jordan: Commanders take the QB next" })
    .waitFor({ state: "attached" });
  expect(await deskChat().getByRole("log").getAttribute("aria-live")).toBe("off");

  // the phone's page does not overflow sideways with the chat open
  const overflow = await was.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(chi.page, "chat-room-1400");
  // the whole tab in view: its list, the box and the send button
  await phoneChat().evaluate((el) =>
    el.closest("section[aria-label]")?.parentElement?.scrollIntoView({ block: "end" }),
  );
  await screenshot(was.page, "chat-room-390");
  expect(chi.problems).toEqual([]);
  expect(was.problems).toEqual([]);
});

test("an empty message is not sent; a spectator reads but has no box; a reload brings the history back", async () => {
  await deskChat().getByLabel("Message", { exact: true }).fill("    ");
  await deskChat().locator("[data-testid=chat-send]:disabled").waitFor();
  await deskChat().getByLabel("Message", { exact: true }).press("Enter");
  expect(await deskChat().getByTestId("chat-message").count()).toBe(2);
  await deskChat().getByLabel("Message", { exact: true }).fill("");

  const watcher = await openPage(stack.browser, { width: 1400, height: 1000 });
  await watcher.page.goto(`${stack.server.url}/sessions/${sessionId}`);
  const watching = watcher.page.getByTestId("chat-panel");
  // (until the join answers, the box's place says "Joining the room…")
  await watching.getByTestId("chat-read-only").filter({ hasText: "You are watching" }).waitFor();
  await watching.getByTestId("chat-message").nth(1).waitFor();
  expect(await watching.getByLabel("Message", { exact: true }).count()).toBe(0);
  await expect(watching.getByTestId("chat-text").allTextContents()).resolves.toEqual([
    expect.stringContaining("Bears"),
    "Commanders take the QB next",
  ]);
  expect(watcher.problems).toEqual([]);
  await watcher.context.close();

  await chi.leave(() => chi.page.reload());
  await deskChat().getByTestId("chat-message").nth(1).waitFor();
  await expect(deskChat().getByTestId("chat-text").nth(1).textContent()).resolves.toBe("Commanders take the QB next");
  // the history a join brings is not read out
  expect(await deskChat().getByTestId("chat-announcer").textContent()).toBe("");
  expect(chi.problems).toEqual([]);
});

test("the admin console shows the room chat, posts as the commissioner and clears it for everyone", async () => {
  const admin = await openPage(stack.browser, { width: 1400, height: 1000 });
  const { page } = admin;
  await page.goto(`${stack.server.url}/admin`);
  await page.getByLabel("League admin key").fill(adminKey);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("league-name").waitFor();
  await admin.leave(() => page.goto(`${stack.server.url}/admin?session=${sessionId}`));
  const consoleChat = page.getByTestId("console-chat");
  await consoleChat.getByTestId("chat-text").filter({ hasText: "Commanders take the QB next" }).waitFor();

  await consoleChat.getByLabel("Message", { exact: true }).fill("Draft starts in five minutes.");
  await consoleChat.getByLabel("Message", { exact: true }).press("Enter");
  const posted = deskChat().getByTestId("chat-message").filter({ hasText: "Draft starts in five minutes." });
  await posted.waitFor();
  await expect(posted.getByTestId("chat-sender").textContent()).resolves.toBe("Commissioner");
  await phoneChat().getByTestId("chat-message").filter({ hasText: "Draft starts in five minutes." }).waitFor();
  await consoleChat.scrollIntoViewIfNeeded();
  await screenshot(page, "chat-console-1400");

  // clearing asks first, in place
  await consoleChat.getByRole("button", { name: "Clear chat…" }).click();
  await consoleChat.getByText("Delete every message for everyone?").waitFor();
  await consoleChat.getByRole("button", { name: "Clear chat", exact: true }).click();
  await consoleChat.getByText("Chat cleared for everyone.").waitFor();
  await consoleChat.getByTestId("chat-empty").waitFor();
  await deskChat().getByTestId("chat-empty").waitFor();
  await phoneChat().getByTestId("chat-empty").waitFor();
  // cleared for good: a reload gets no history
  await chi.leave(() => chi.page.reload());
  await chi.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
  await deskChat().getByTestId("chat-empty").waitFor();
  expect(await deskChat().getByTestId("chat-message").count()).toBe(0);

  expect(admin.problems).toEqual([]);
  expect(chi.problems).toEqual([]);
  expect(was.problems).toEqual([]);
});
