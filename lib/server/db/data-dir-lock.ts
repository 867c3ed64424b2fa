import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims DATA_DIR for this process. A lock left by a process that died (a crash,
 * SIGKILL) is taken over; one held by a live process is refused with a clear message.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, "warroom.lock");
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
      throw new Error(
        `the embedded database in ${dataDir} is in use by process ${holder}; PGlite serves one process only (set DATABASE_URL to run several servers)`,
        { cause: error },
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}
