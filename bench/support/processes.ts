// Every process the bench starts: WarRoom servers (the real server.ts, as
// `npm start` runs it), the bare relay, and load generators. All are tracked
// and killed when the bench exits, however it exits; each child also carries
// orphan-guard.mjs so it stops by itself if the bench is killed outright.
import { spawn, fork, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/support/server-process";
import { sleep } from "./clock";
import type { GeneratorMessage, GeneratorMessages, GeneratorMessageType } from "./generator-messages";

export const ROOT = path.resolve(__dirname, "../..");
const GUARD = path.join(__dirname, "orphan-guard.mjs");
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Kills every child still running and removes temp dirs (synchronous: safe in process.on("exit")). */
export function killAll(): void {
  for (const child of children) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Extra server environment from BENCH_SERVER_ENV="K=V,K2=V2" (e.g. a raised per-IP connection limit). */
export function extraServerEnv(): Record<string, string> {
  const raw = process.env.BENCH_SERVER_ENV ?? "";
  return Object.fromEntries(
    raw
      .split(",")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf("=");
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );
}

export interface ServerHandle {
  name: string;
  /** the temp DATA_DIR of an embedded-database server, removed when it stops */
  dataDir?: string;
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited */
  stop(graceMs?: number): Promise<void>;
}

interface StartOptions {
  name: string;
  /** the script to run with tsx: server.ts or bench/bare-relay.ts */
  script: string;
  env: Record<string, string>;
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

async function startListening({
  name,
  script,
  env,
  nodeArgs = [],
  startTimeoutMs = 180_000,
}: StartOptions): Promise<ServerHandle> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...nodeArgs, "--import", "tsx", "--import", GUARD, script], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "info",
        NODE_OPTIONS: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not listen within ${startTimeoutMs / 1000} s:\n${output.slice(-3000)}`)),
      startTimeoutMs,
    );
    const check = () => {
      if (output.includes("listening on http://")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    check();
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before listening:\n${output.slice(-3000)}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    child,
    output: () => output,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Node flags for WarRoom servers, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const serverNodeArgs = () => (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

export interface WarRoomDatabase {
  /** a temp DATA_DIR (embedded PGlite) … */
  dataDir?: string;
  /** … or a PostgreSQL URL */
  databaseUrl?: string;
  redisUrl?: string;
}

export async function startWarRoom(name: string, db: WarRoomDatabase): Promise<ServerHandle> {
  const server = await startListening({
    name,
    script: "server.ts",
    nodeArgs: serverNodeArgs(),
    env: {
      ...(db.databaseUrl
        ? { DATABASE_URL: db.databaseUrl, DATA_DIR: "/nonexistent" }
        : { DATA_DIR: db.dataDir!, DATABASE_URL: "" }),
      REDIS_URL: db.redisUrl ?? "",
      ...extraServerEnv(),
    },
  });
  return db.dataDir ? { ...server, dataDir: db.dataDir } : server;
}

export async function startBareRelay(): Promise<ServerHandle> {
  return startListening({ name: "bare relay", script: "bench/bare-relay.ts", env: {} });
}

/**
 * A fresh embedded database directory. The first start of a server on an
 * empty directory loads the bundled pools (slow: tens of seconds); the bench
 * does that once into a template and copies it for every fresh server.
 */
export function createDataDirFactory() {
  let template: Promise<string> | null = null;
  const makeTemplate = async () => {
    const dir = tempDir("warroom-bench-template-");
    const server = await startWarRoom("template server", { dataDir: dir });
    await server.stop();
    return dir;
  };
  return async (): Promise<string> => {
    template ??= makeTemplate();
    const source = await template;
    const dir = tempDir("warroom-bench-data-");
    cpSync(source, dir, { recursive: true });
    // the copied lock belongs to the stopped template server
    rmSync(path.join(dir, "warroom.lock"), { force: true });
    return dir;
  };
}

export interface GeneratorHandle {
  pid: number;
  child: ChildProcess;
  send(message: object): void;
  /** the next message of this type (rejects after timeoutMs or if the generator exits) */
  next<K extends GeneratorMessageType>(type: K, timeoutMs: number): Promise<GeneratorMessages[K]>;
  on<K extends GeneratorMessageType>(type: K, listener: (message: GeneratorMessages[K]) => void): void;
  close(): Promise<void>;
}

export async function startGenerator(index: number): Promise<GeneratorHandle> {
  const child = track(
    fork(path.join(__dirname, "..", "generator.ts"), [String(index)], {
      cwd: ROOT,
      execArgv: ["--import", "tsx", "--import", GUARD],
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // typed arrays of latencies cross the channel as they are
      serialization: "advanced",
    }),
  );
  const listeners = new Map<string, Set<(message: GeneratorMessage) => void>>();
  child.on("message", (message: GeneratorMessage) => {
    for (const listener of listeners.get(message?.type) ?? []) listener(message);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const on = (type: GeneratorMessageType, listener: (message: GeneratorMessage) => void) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(listener);
    return () => listeners.get(type)!.delete(listener);
  };
  await new Promise<void>((resolve, reject) => {
    const off = on("hello", () => {
      off();
      resolve();
    });
    void exited.then(() => reject(new Error(`generator ${index} exited at start`)));
  });
  return {
    pid: child.pid!,
    child,
    send: (message) => void child.send(message),
    // a listener for one type only ever gets messages of that type
    on: (type, listener) => void on(type, listener as unknown as (message: GeneratorMessage) => void),
    next: <K extends GeneratorMessageType>(type: K, timeoutMs: number) =>
      new Promise<GeneratorMessages[K]>((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`generator ${index}: no "${type}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = on(type, (message) => {
          clearTimeout(timer);
          off();
          resolve(message as unknown as GeneratorMessages[K]);
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`generator ${index} exited`));
        });
      }),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        child.send({ cmd: "exit" });
      } catch {
        // channel already closed
      }
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function startGenerators(count: number): Promise<GeneratorHandle[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => startGenerator(i)));
}

/** Waits while another process is building the web app (tests/global-setup.ts holds .next-build.lock). */
export async function waitForBuildLock(log: (line: string) => void, maxMs = 600_000): Promise<void> {
  const { existsSync } = await import("node:fs");
  const lock = path.join(ROOT, ".next-build.lock");
  let said = false;
  for (let waited = 0; existsSync(lock) && waited < maxMs; waited += 1000) {
    if (!said) log("waiting: another process is building the web app (.next-build.lock)…");
    said = true;
    await sleep(1000);
  }
}
