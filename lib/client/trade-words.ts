// Trades in words people read: picks as "R1 #4", a trade's outcome for the
// team that proposed it (with the GM's reason when it said no), and the
// history's status labels. Pure, so the room and its tests share it.
import { CPU_TRADE_MARGIN } from "@/lib/draft/trade-rules";
import type { FuturePick, Slot, Trade } from "@/lib/protocol/shapes";

/** "R1 #4": the round first, as draft rooms write it. */
export function pickLabel(order: readonly Slot[], overall: number): string {
  const slot = order[overall - 1];
  return slot ? `R${slot.round} #${overall}` : `#${overall}`;
}

/** "Next year R1 (CHI)": a future pick by when, its round, and whose it was first. */
export function futurePickLabel(pick: FuturePick): string {
  return `${pick.season_offset === 1 ? "Next year" : "In 2 years"} R${pick.round} (${pick.original_team_id})`;
}

/** One side of a trade: this draft's picks, then future ones; "nothing" when it gives none. */
export const picksLabel = (order: readonly Slot[], overalls: readonly number[], futures: readonly FuturePick[] = []) =>
  [...overalls.map((overall) => pickLabel(order, overall)), ...futures.map(futurePickLabel)].join(" + ") || "nothing";

/** The two sides of a trade (or of a counter-offer), from the proposer's side. */
export const tradeSides = (
  order: readonly Slot[],
  terms: {
    give: readonly number[];
    receive: readonly number[];
    give_future?: readonly FuturePick[];
    receive_future?: readonly FuturePick[];
  },
) => ({
  gave: picksLabel(order, terms.give, terms.give_future),
  got: picksLabel(order, terms.receive, terms.receive_future),
});

const points = (value: number) => Math.round(value).toLocaleString("en-US");

export interface TradeOutcomeText {
  text: string;
  tone: "info" | "error";
}

/** What the proposer reads once its offer was answered (or sent, when a person must answer it). */
export function tradeOutcomeText(trade: Trade, order: readonly Slot[], partnerName: string): TradeOutcomeText {
  const { gave, got } = tradeSides(order, trade);
  if (trade.status === "executed") return { text: `Trade done: you gave ${gave} and got ${got}.`, tone: "info" };
  if (trade.status === "pending")
    return { text: `Offer sent to ${partnerName}: ${gave} for ${got}. Waiting for their answer.`, tone: "info" };
  if (trade.reason === "below_value" && trade.value) {
    const wanted = trade.value.receive * (1 + CPU_TRADE_MARGIN);
    return {
      text:
        `${partnerName} said no: on the ${trade.value.chart} chart you offered ${points(trade.value.give)} ` +
        `for ${points(trade.value.receive)}; their GM wants at least ${points(wanted)} to give up ${got}.` +
        (trade.counter
          ? ` They would take ${tradeSides(order, trade.counter).gave} for ${tradeSides(order, trade.counter).got}.`
          : ""),
      tone: "error",
    };
  }
  if (trade.reason === "expired") return { text: "That offer expired: a pick in it was used first.", tone: "error" };
  return { text: `${partnerName} said no to ${gave} for ${got}.`, tone: "error" };
}

/** The history's label for a trade's status. */
export function tradeStatusLabel(trade: Trade): string {
  if (trade.status === "executed") return "done";
  if (trade.status === "pending") return "pending";
  switch (trade.reason) {
    case "expired":
      return "expired";
    case "withdrawn":
      return "withdrawn";
    case "below_value":
      return "turned down";
    case "declined":
      return "declined";
    default:
      return "not done";
  }
}
