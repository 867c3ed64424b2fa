// Tests that start the real server need a production build of the web app that
// matches the source. Build here, once per run, when there is none or when a
// page, route handler, module they import (lib/: the handlers bundle
// lib/server/http and what it uses) or config is newer than it; a lock keeps
// two runs on one machine from building at the same time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const SOURCES = ["app", "lib", "next.config.js", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
}

async function withLock<T>(work: () => T): Promise<T> {
  const lock = path.join(root, ".next-build.lock");
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than ten minutes belongs to a build that died
      if (waited > 600_000 || Date.now() - statSync(lock).mtimeMs > 600_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export default async function globalSetup(): Promise<void> {
  if (buildIsCurrent()) return;
  await withLock(() => {
    if (buildIsCurrent()) return;
    process.stdout.write("\nbuilding the web app for the server tests (next build)…\n");
    const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error("next build failed");
  });
}
