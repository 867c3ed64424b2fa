// Packages of picks a club could put together: the counter a CPU GM names when
// it turns an offer down, and what a club moving up offers for a pick. Pure:
// the same state always gives the same package.
import type { FuturePick, Trade, TradeTerms } from "../protocol/shapes";
import { futureKey, ownedFuturePicks } from "./future-picks";
import {
  chartOf,
  cpuAccepts,
  cpuAcceptsValues,
  futureValue,
  isUsed,
  MAX_MOVE_UP_PREMIUM,
  termsOf,
} from "./trade-rules";
import { pickValue } from "./trade-value";
import type { DraftState } from "./types";

/**
 * One pick a club could add to a package: a current pick (overall) or a future
 * one, with its chart value and what giving it up costs the club in its own
 * eyes: a club spends next year's picks only when this year's do not do, so a
 * future pick costs FUTURE_PICK_COST times its value.
 */
export type Asset =
  { overall: number; value: number; cost: number } | { future: FuturePick; value: number; cost: number };
export const FUTURE_PICK_COST = 1.3;

/** At most this many picks added to an offer to make a counter, or to a club's own pick to move up. */
const MAX_ADDED = 2;

/** The club's unused current picks and its future picks, cheapest first by cost (ties: current before future, earlier first). */
export function assetsOf(state: DraftState, teamId: string, exclude: TradeTerms | null = null): Asset[] {
  const chart = chartOf(state);
  const taken = new Set([...(exclude?.give ?? []), ...(exclude?.receive ?? [])]);
  const takenFuture = new Set([...(exclude?.give_future ?? []), ...(exclude?.receive_future ?? [])].map(futureKey));
  const current: Asset[] = state.order
    .filter((slot) => slot.team_id === teamId && !isUsed(state, slot.overall) && !taken.has(slot.overall))
    .map((slot) => {
      const value = pickValue(chart, slot.overall);
      return { overall: slot.overall, value, cost: value };
    });
  const future: Asset[] = ownedFuturePicks(state.future_picks, teamId)
    .filter((pick) => !takenFuture.has(futureKey(pick)))
    .map((pick) => {
      const value = futureValue(state, pick);
      return { future: pick, value, cost: value * FUTURE_PICK_COST };
    });
  // a stable sort keeps current picks (in overall order) ahead of future ones of the same cost
  return [...current, ...future].sort((a, b) => a.cost - b.cost);
}

/** The terms with these picks added to what the proposer gives. */
export function withGiven(terms: TradeTerms, assets: readonly Asset[]): TradeTerms {
  const give = [...terms.give];
  const give_future = [...terms.give_future];
  for (const asset of assets) {
    if ("overall" in asset) give.push(asset.overall);
    else give_future.push(asset.future);
  }
  return { ...terms, give: give.sort((a, b) => a - b), give_future };
}

/** Cheapest first by cost: the one asset, or else the pair of assets, that makes `works` true; null when none does. */
function cheapestAddition(assets: readonly Asset[], works: (added: Asset[]) => boolean): Asset[] | null {
  for (const asset of assets) if (works([asset])) return [asset];
  if (MAX_ADDED < 2) return null;
  let best: Asset[] | null = null;
  let bestCost = Infinity;
  for (let i = 0; i < assets.length; i++) {
    for (let j = i + 1; j < assets.length; j++) {
      const pair = [assets[i]!, assets[j]!];
      const cost = pair[0]!.cost + pair[1]!.cost;
      if (cost < bestCost && works(pair)) {
        best = pair;
        bestCost = cost;
      }
    }
  }
  return best;
}

/**
 * What a CPU GM that turned `trade` down (it is the trade's to_team) would
 * accept: the same offer with the proposer's cheapest one or two further picks,
 * current or future, that close the gap on its chart; null when none would.
 * Seen from the proposer, as the contract's `counter`.
 */
export function counterOffer(state: DraftState, trade: Omit<Trade, "value" | "status">): TradeTerms | null {
  const terms = termsOf(trade);
  const assets = assetsOf(state, trade.from_team_id, terms);
  const added = cheapestAddition(assets, (extra) => {
    const counter = withGiven(terms, extra);
    if (counter.give_future.length > 7 || counter.give.length > 20) return false;
    return cpuAccepts(state, { ...trade, ...counter });
  });
  return added ? withGiven(terms, added) : null;
}

/**
 * What club `teamId` offers to move up into pick `overall`: its next pick after
 * it plus its cheapest one or two further picks, so that a GM would accept by
 * its chart and the club pays at most MAX_MOVE_UP_PREMIUM more than the pick is
 * worth. Null when it has no later pick or cannot pay within that.
 */
export function moveUpPackage(
  state: DraftState,
  teamId: string,
  overall: number,
  { maxJump = Infinity }: { maxJump?: number } = {},
): { give: number[]; give_future: FuturePick[] } | null {
  const chart = chartOf(state);
  const assets = assetsOf(state, teamId);
  const anchor = assets
    .filter((asset): asset is Extract<Asset, { overall: number }> => "overall" in asset && asset.overall > overall)
    .sort((a, b) => a.overall - b.overall)[0];
  if (!anchor || anchor.overall - overall > maxJump) return null;
  const wanted = pickValue(chart, overall);
  const ceiling = wanted * (1 + MAX_MOVE_UP_PREMIUM);
  const fits = (values: number[]) =>
    values.reduce((sum, v) => sum + v, 0) <= ceiling && cpuAcceptsValues(values, [wanted]);
  const base: TradeTerms = { give: [anchor.overall], receive: [overall], give_future: [], receive_future: [] };
  if (fits([anchor.value])) return { give: base.give, give_future: [] };
  const rest = assets.filter((asset) => asset !== anchor);
  const added = cheapestAddition(rest, (extra) => fits([anchor.value, ...extra.map((asset) => asset.value)]));
  if (!added) return null;
  const { give, give_future } = withGiven(base, added);
  return { give, give_future };
}
