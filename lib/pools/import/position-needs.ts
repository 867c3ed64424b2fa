// Club needs in the two shapes they live in: the engine's profile (a list of
// { category, weight }, most pressing first, lib/draft/types.ts) and the
// contract's grid (team → position → 0–1) that imports send and the console edits.
import { groupOf } from "../../draft/position-groups";
import type { NeedProfile } from "../../draft/types";
import { POSITIONS, type Position } from "../../protocol/positions";

export type PositionGrid = Record<Position, number>;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * A profile as a grid. An imported class's profile is keyed by position
 * already. A bundled one is keyed by group (OL, DL, DB…): each position takes
 * its group's most pressing need, so a club that needs a lineman wants a
 * tackle and a guard alike.
 */
export function gridFromProfile(profile: NeedProfile, keyedBy: "position" | "group"): PositionGrid {
  const grid = Object.fromEntries(POSITIONS.map((position) => [position, 0])) as PositionGrid;
  for (const position of POSITIONS) {
    const key = keyedBy === "position" ? position : groupOf(position);
    for (const need of profile)
      if (need.category === key) grid[position] = Math.max(grid[position], round3(need.weight));
  }
  return grid;
}

/** A grid as the engine's profile: the positions with a need, most pressing first (ties in the contract's position order). */
export function profileFromGrid(grid: Partial<Record<Position, number>>): NeedProfile {
  return POSITIONS.flatMap((position) => {
    const weight = grid[position] ?? 0;
    return weight > 0 ? [{ category: position, weight: round3(weight) }] : [];
  }).sort((a, b) => b.weight - a.weight);
}
