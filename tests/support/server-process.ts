// Runs the real `server.ts` (Next.js + Socket.IO) in a child process, the way
// `npm start` does, on a free port; tests can SIGKILL it and start it again.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** resolves with the exit code (or signal) */
  exited: Promise<number | string>;
}

/** The embedded database serves one process, so a node on it never joins a Redis scale-out from the environment. */
export const embeddedAlone = (env: Record<string, string>): Record<string, string> =>
  env.DATABASE_URL === "" && env.REDIS_URL === undefined ? { ...env, REDIS_URL: "" } : env;

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  env = embeddedAlone(env);
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(chosen),
      LOG_LEVEL: "info",
      NODE_OPTIONS: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes("listening on http://")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${chosen}`, port: chosen, child, output: () => output, exited };
}
