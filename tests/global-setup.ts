// Tests that start the real server need a production build of the web app;
// build it once here so parallel test files never race to build it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export default function globalSetup(): void {
  const root = path.resolve(__dirname, "..");
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  process.stdout.write("\nbuilding the web app once for the server tests (next build)…\n");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}
