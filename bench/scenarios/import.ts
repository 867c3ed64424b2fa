// Importing a big board: a 2,000-prospect CSV (every column filled) posted to
// POST /api/pools. Reports the request's wall time on loopback and the
// server's own time (its Server-Timing header: reading, parsing, checking
// every record, writing the class), median of several runs.
import { nowMs } from "../support/clock";
import { median } from "../support/stats";
import { createLeague } from "./common";

const POSITIONS = ["QB", "RB", "WR", "TE", "OT", "IOL", "EDGE", "DT", "LB", "CB", "S", "K"];

/** A made-up board: `size` prospects with every field a board may carry, and quoting to parse. */
export function syntheticBoard(size: number): string {
  const lines = ["rank,name,position,college,grade,height_in,weight_lb,forty,notes"];
  for (let i = 1; i <= size; i++) {
    const position = POSITIONS[i % POSITIONS.length]!;
    const grade = (99 - (i * 60) / size).toFixed(1);
    lines.push(
      `${i},Prospect ${i},${position},"College ${i % 130}, East",${grade},${70 + (i % 9)},${190 + (i % 120)},${(4.4 + (i % 40) / 100).toFixed(2)},"Notes for ${i}: ""fast"", strong"`,
    );
  }
  return lines.join("\n");
}

export async function runImport(url: string, runs: number, size: number) {
  const adminKey = await createLeague(url);
  const csv = syntheticBoard(size);
  const body = JSON.stringify({ name: `bench board ${size}`, prospects_csv: csv });
  const walls: number[] = [];
  const server: number[] = [];
  const errors: string[] = [];
  for (let run = 0; run < runs; run++) {
    const started = nowMs();
    const response = await fetch(`${url}/api/pools`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
      body,
    });
    const text = await response.text();
    walls.push(nowMs() - started);
    if (response.status !== 201) {
      errors.push(`${response.status} ${text.slice(0, 200)}`);
      continue;
    }
    const timing = /import;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
    if (timing) server.push(Number(timing[1]));
    const created = JSON.parse(text) as { players: number };
    if (created.players !== size) errors.push(`imported ${created.players} prospects, not ${size}`);
  }
  return {
    prospects: size,
    body_kib: Math.round(Buffer.byteLength(body) / 1024),
    runs: walls.length,
    wall_ms_median: Math.round(median(walls)),
    wall_ms: walls.map((w) => Math.round(w)),
    server_ms_median: Math.round(median(server)),
    server_ms: server.map((w) => Math.round(w)),
    errors,
  };
}
