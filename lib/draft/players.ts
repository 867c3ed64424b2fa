// Pool players as clients see them, and the one search every player list uses.
import type { Player } from "../protocol/shapes";
import { groupOf } from "./position-groups";
import type { PoolPlayer } from "./types";

/** The wire Player: what the board carries, without the engine's own fields. */
export function wirePlayer(player: PoolPlayer): Player {
  const { player_id, name, position, rank, college, grade, height_in, weight_lb, forty, notes } = player;
  return {
    player_id,
    name,
    position,
    rank,
    ...(college !== undefined ? { college } : {}),
    ...(grade !== undefined ? { grade } : {}),
    ...(height_in !== undefined ? { height_in } : {}),
    ...(weight_lb !== undefined ? { weight_lb } : {}),
    ...(forty !== undefined ? { forty } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}

/** Case- and accent-insensitive, so "jose" finds José. */
export const searchable = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

export interface PlayerFilter {
  /** matches the name or the college */
  q?: string;
  /** a position (QB, EDGE…) or a group (OL, DB…) */
  position?: string;
}

export function matchesPlayer(player: PoolPlayer, filter: PlayerFilter): boolean {
  const position = filter.position?.trim().toUpperCase();
  if (
    position &&
    player.position.toUpperCase() !== position &&
    player.category !== position &&
    groupOf(player.category) !== position
  )
    return false;
  const needle = filter.q ? searchable(filter.q.trim()) : "";
  return !needle || searchable(player.name).includes(needle) || searchable(player.college ?? "").includes(needle);
}
