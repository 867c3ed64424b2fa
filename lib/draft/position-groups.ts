// The position groups the CPU general managers' league-wide tables speak of
// (positional value, the league's early-round mix, specialists). A bundled
// class's players carry a group as their category already; an imported
// class's carry their canonical position (EDGE, CB…), which maps to one.
import type { Position } from "../protocol/positions";

const GROUP_OF_POSITION: Readonly<Record<Position, string>> = {
  QB: "QB",
  RB: "RB",
  FB: "RB",
  WR: "WR",
  TE: "TE",
  OT: "OL",
  IOL: "OL",
  EDGE: "DL",
  DT: "DL",
  LB: "LB",
  CB: "DB",
  S: "DB",
  K: "K",
  P: "P",
  LS: "LS",
};

/** The group of a player's category: itself when it is a group already (a bundled class's OL, DB…). */
export function groupOf(category: string): string {
  return GROUP_OF_POSITION[category as Position] ?? category;
}
