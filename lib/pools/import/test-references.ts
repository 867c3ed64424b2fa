// The bundled classes as an import's references, read from the committed files
// (for unit tests; the server takes them from the database's catalog).
import { readFileSync } from "node:fs";
import path from "node:path";
import { readBundledNeeds } from "../needs-data";
import { readBundledPools } from "../pool-data";
import type { ImportReferences } from "./plan-import";

export function bundledReferences(): ImportReferences {
  const pools = new Map(readBundledPools().map((pool) => [pool.pool, pool]));
  const needs = readBundledNeeds();
  return {
    clubs: new Map((pools.get("2024")?.teams ?? []).map((team) => [team.team_id, team.name])),
    order: (id) => pools.get(id)?.order ?? [],
    needs: (id) => needs[id] ?? {},
  };
}

/** The committed example files (examples/), as text. */
export const exampleFile = (name: "board.csv" | "order.csv") =>
  readFileSync(path.join(process.cwd(), "examples", name), "utf8");
