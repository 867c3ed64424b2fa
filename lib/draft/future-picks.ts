// Picks of the next two drafts (v2): every club starts owning its own rounds
// 1–7 of each, and trades move them beside current picks. Pure and small: the
// browser's board reducer (board.ts) folds trades over them too.
import { FUTURE_ROUNDS, FUTURE_SEASONS, type FuturePick, type FuturePickOwner, type Trade } from "../protocol/shapes";

/** One future pick's identity: season, round and the club it first belonged to. */
export const futureKey = (pick: FuturePick) => `${pick.season_offset}:${pick.round}:${pick.original_team_id}`;

/** What a session starts with: each club owns its own future picks; by season, then round, then the teams' order. */
export function initialFuturePicks(teamIds: readonly string[]): FuturePickOwner[] {
  const owners: FuturePickOwner[] = [];
  for (const season_offset of FUTURE_SEASONS)
    for (let round = 1; round <= FUTURE_ROUNDS; round++)
      for (const team of teamIds) owners.push({ season_offset, round, original_team_id: team, owner_team_id: team });
  return owners;
}

/** Who owns this future pick now, or undefined when there is no such pick in the session. */
export function futureOwner(owners: readonly FuturePickOwner[], pick: FuturePick): string | undefined {
  const key = futureKey(pick);
  return owners.find((owner) => futureKey(owner) === key)?.owner_team_id;
}

/** The future picks a club owns now, in the list's order. */
export function ownedFuturePicks(owners: readonly FuturePickOwner[], teamId: string): FuturePick[] {
  return owners
    .filter((owner) => owner.owner_team_id === teamId)
    .map(({ season_offset, round, original_team_id }) => ({ season_offset, round, original_team_id }));
}

/** Ownership after an executed trade: what the proposer gives goes to the other club, what it receives comes to it. */
export function withFutureTraded(owners: readonly FuturePickOwner[], trade: Trade): FuturePickOwner[] {
  const give = new Set((trade.give_future ?? []).map(futureKey));
  const receive = new Set((trade.receive_future ?? []).map(futureKey));
  if (give.size === 0 && receive.size === 0) return [...owners];
  return owners.map((owner) => {
    const key = futureKey(owner);
    if (give.has(key)) return { ...owner, owner_team_id: trade.to_team_id };
    if (receive.has(key)) return { ...owner, owner_team_id: trade.from_team_id };
    return owner;
  });
}
