// Headless Chromium (Debian's, no browser download) driven by playwright-core,
// collecting console errors and failed requests so every browser test can
// assert there were none.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startServerProcess, type ServerProcess } from "./server-process";
import { createTestDatabase } from "./test-database";

export const ARTIFACTS = path.resolve(__dirname, "../artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** console errors, uncaught page errors and failed or 4xx/5xx requests seen so far */
  problems: string[];
  /**
   * Runs a navigation the test asks for (a reload, a goto): the page's requests
   * it cuts short (ERR_ABORTED) are the test leaving the page, not failures of the app.
   */
  leave(navigation: () => Promise<unknown>): Promise<void>;
}

/**
 * What a server killed on purpose looks like from its pages, to pass as `ignore`:
 * the socket's reconnect attempts fail, later loads are refused, and a response
 * in flight at the kill (say the favicon, which loads late) is cut short.
 */
export const SERVER_OUTAGE = [
  /\/socket\.io\//,
  /^Failed to load resource: net::ERR_CONNECTION_REFUSED$/,
  /net::ERR_INCOMPLETE_CHUNKED_ENCODING$/,
];

const NEXT_CANCELLED_PREFETCH = /^GET \S+[?&]_rsc=\S+ net::ERR_ABORTED$/;

/** A fresh context (its own cookies and storage) with one page whose problems are recorded. */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; ignore?: RegExp[] } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  let leaving = false;
  const ignored = (text: string) => (options.ignore ?? []).some((pattern) => pattern.test(text));
  page.on("console", (message) => {
    if (message.type() === "error" && !ignored(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const text = `${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`;
    // Next's router cancels its own prefetches of linked pages (?_rsc=) when it navigates: no failure of the app
    if (NEXT_CANCELLED_PREFETCH.test(text)) return;
    if (leaving && text.endsWith("net::ERR_ABORTED")) return;
    if (!ignored(text)) problems.push(`request failed: ${text}`);
  });
  page.on("response", (response) => {
    const text = `${response.status()} ${response.request().method()} ${response.url()}`;
    if (response.status() >= 400 && !ignored(text)) problems.push(`response: ${text}`);
  });
  async function leave(navigation: () => Promise<unknown>): Promise<void> {
    leaving = true;
    try {
      await navigation();
    } finally {
      leaving = false;
    }
  }
  return { page, context, problems, leave };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The real server.ts on a database and DATA_DIR of its own, and Chromium: what a page test starts with. */
export interface PageStack {
  server: ServerProcess;
  browser: Browser;
  /** the server's environment, to start it again on the same data */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startPageStack(name: string): Promise<PageStack> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), `warroom-${name}-`));
  const env = { DATA_DIR: dataDir, DATABASE_URL: database.url ?? "" };
  const [server, browser] = await Promise.all([startServerProcess(env), launchBrowser()]);
  const stack: PageStack = {
    server,
    browser,
    env,
    async close() {
      await browser.close();
      stack.server.child.kill("SIGKILL");
      await stack.server.exited;
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
