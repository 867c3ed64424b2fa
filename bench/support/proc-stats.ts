// CPU time and memory of a process, read from /proc (Linux): what the server
// really costs, measured from outside it.
import { readFileSync } from "node:fs";
import { nowMs } from "./clock";

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** utime + stime of a process, in seconds; NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime is field 14, stime field 15
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Resident set size (VmRSS) in bytes; NaN when the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

export const MiB = 1024 * 1024;

/** Samples a set of processes' RSS every `intervalMs`, and their CPU time between start and stop. */
export function startSampler(pids: number[], intervalMs = 100) {
  const startedAt = nowMs();
  const cpuAtStart = pids.map(cpuSeconds);
  const peak = pids.map(rssBytes);
  const series: number[][] = pids.map((_, i) => [peak[i]!]);
  const timer = setInterval(() => {
    pids.forEach((pid, i) => {
      const rss = rssBytes(pid);
      series[i]!.push(rss);
      if (rss > peak[i]!) peak[i] = rss;
    });
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const wallSeconds = (nowMs() - startedAt) / 1000;
      const cpu = pids.map((pid, i) => cpuSeconds(pid) - cpuAtStart[i]!);
      pids.forEach((pid, i) => {
        const rss = rssBytes(pid);
        if (rss > peak[i]!) peak[i] = rss;
      });
      return {
        wallSeconds,
        /** CPU seconds used by each process over the window */
        cpuSeconds: cpu,
        /** average cores used by each process over the window (1.0 = one core busy) */
        cores: cpu.map((seconds) => seconds / wallSeconds),
        peakRssBytes: peak,
        rssBytes: pids.map(rssBytes),
        /** median RSS over the window: garbage collection makes any single reading jumpy */
        medianRssBytes: series.map((values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!),
      };
    },
  };
}
