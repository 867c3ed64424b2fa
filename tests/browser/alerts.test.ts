// Alerts in a real browser: when a seat this tab holds goes on the clock or an
// offer arrives, the tab title says so, a chime plays only if sound was turned
// on (off by default, remembered), and a notification shows while the tab is
// hidden once permission was given. The browser's Notification and the tab's
// visibility are outside the project, so they are stood in for by a recorder;
// the chime is counted at Web Audio's createOscillator.
import type { Socket } from "socket.io-client";
import { openPage, screenshot, startPageStack, type PageStack, type WatchedPage } from "../support/browser";
import { httpClient } from "../support/api-client";
import { connectTestClient, request } from "../support/test-server";

jest.setTimeout(120_000);

const BASE_TITLE = "Draft room · WarRoom";

interface Recorded {
  notifications: { title: string; body: string }[];
  oscillators: number;
  hidden: boolean;
}

function recordAlerts(): void {
  const recorded: Recorded = { notifications: [], oscillators: 0, hidden: false };
  Object.assign(window, { __recorded: recorded });
  Object.defineProperty(Document.prototype, "visibilityState", {
    configurable: true,
    get: () => (recorded.hidden ? "hidden" : "visible"),
  });
  let permission: NotificationPermission = "default";
  class RecordingNotification {
    static get permission() {
      return permission;
    }
    static async requestPermission() {
      permission = "granted";
      return permission;
    }
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      recorded.notifications.push({ title, body: options?.body ?? "" });
    }
  }
  Object.assign(window, { Notification: RecordingNotification });
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    recorded.oscillators += 1;
    return createOscillator.call(this);
  };
}

let stack: PageStack;
let chi: WatchedPage;
let sessionId: string;
let adminKey: string;
let was: Socket;
const sockets: Socket[] = [];

const recorded = () => chi.page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);
const setHidden = (hidden: boolean) =>
  chi.page.evaluate((h) => {
    (window as unknown as { __recorded: Recorded }).__recorded.hidden = h;
  }, hidden);
const waitForTitle = (pattern: RegExp) =>
  chi.page.waitForFunction((p) => new RegExp(p).test(document.title), pattern.source);
/** Chimes are two notes each. */
const chimes = async () => (await recorded()).oscillators / 2;

beforeAll(async () => {
  stack = await startPageStack("alerts");
  const http = httpClient(stack.server.url);
  ({ admin_key: adminKey } = await http.answer("createLeague", { body: { name: "Alert league" } }));
  const created = await http.answer("createSession", {
    adminKey,
    body: {
      name: "Alert night",
      rounds: 1,
      seconds_per_pick: 0,
      human_teams: ["CHI", "WAS"],
      cpu_delay_ms: 60_000,
      cpu_trade_offers: false,
      cpu_trades: false,
      seed: 3,
    },
  });
  sessionId = created.session_id;
  const token = (team: string) => created.seats.find((s) => s.team_id === team)!.token;
  was = await connectTestClient(stack.server.url, sockets);
  expect((await request(was, "join_session", { session_id: sessionId, token: token("WAS") })).ok).toBe(true);
  chi = await openPage(stack.browser, { width: 1400, height: 1000 });
  await chi.context.addInitScript(recordAlerts);
  await chi.page.goto(`${stack.server.url}/sessions/${sessionId}?token=${token("CHI")}`);
  await chi.page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await stack?.close();
});

const action = (name: "start" | "force_autopick") =>
  httpClient(stack.server.url).answer("action", { params: { id: sessionId }, body: { action: name }, adminKey });

test("on the clock while the tab is hidden: the title says so and a notification shows, silently by default", async () => {
  const { page, problems } = chi;
  expect(await page.title()).toBe(BASE_TITLE);
  const settings = page.getByTestId("alert-settings");
  expect(await settings.getByRole("button", { name: "Sound off" }).getAttribute("aria-pressed")).toBe("false");
  await settings.getByRole("button", { name: "Notify me" }).click();
  await settings.getByText("Notifications on").waitFor();

  await setHidden(true);
  await action("start");
  await waitForTitle(/^⏰ On the clock · #1 — Draft room · WarRoom$/);
  await page.waitForFunction(
    () => (window as unknown as { __recorded: Recorded }).__recorded.notifications.length === 1,
  );
  expect((await recorded()).notifications).toEqual([
    { title: "On the clock · #1", body: "Chicago Bears is on the clock with pick #1 (round 1)." },
  ]);
  expect(await chimes()).toBe(0);
  await setHidden(false);
  await screenshot(page, "alerts-on-the-clock-1400");
  expect(problems).toEqual([]);
});

test("sound is remembered; an offer chimes and titles the tab; the title clears when nothing stands", async () => {
  const { page, problems } = chi;
  const settings = () => page.getByTestId("alert-settings");
  await settings().getByRole("button", { name: "Sound off" }).click();
  await settings().getByRole("button", { name: "Sound on" }).waitFor();
  expect(await chimes()).toBe(1); // the sample played by the toggle

  await chi.leave(() => page.reload());
  await page.getByTestId("role").filter({ hasText: "Chicago Bears" }).waitFor();
  await waitForTitle(/^⏰ On the clock · #1 — /);
  expect(await settings().getByRole("button", { name: "Sound on" }).getAttribute("aria-pressed")).toBe("true");
  await page.mouse.click(5, 5); // the gesture a browser wants before a remembered sound may play
  // what already stood when the page opened is in view: no chime for it
  expect(await chimes()).toBe(0);

  await action("force_autopick");
  await waitForTitle(/^Draft room · WarRoom$/);

  const offer = await request(was, "propose_trade", {
    session_id: sessionId,
    from_team_id: "WAS",
    to_team_id: "CHI",
    give: [2],
    receive: [9],
  });
  expect(offer.ok).toBe(true);
  await waitForTitle(/^1 trade offer — Draft room · WarRoom$/);
  expect(await chimes()).toBe(1);
  expect((await recorded()).notifications).toEqual([]); // the tab is in view: the title and chime are enough
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, "alerts-offer-390");
  expect(problems).toEqual([]);
});
