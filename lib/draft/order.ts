import type { Slot } from "../protocol/shapes";
import type { DraftPool } from "./types";

/** A session's order: the pool's real order (traded and compensatory picks included), cut to `rounds`. */
export function buildOrder(pool: DraftPool, rounds: number): Slot[] {
  return pool.order.filter((slot) => slot.round <= rounds).map((slot) => ({ ...slot }));
}
