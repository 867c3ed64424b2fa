import type { Slot, Trade } from "@/lib/protocol/shapes";
import { futurePickLabel, picksLabel, pickLabel, tradeOutcomeText, tradeStatusLabel } from "./trade-words";

const order: Slot[] = [4, 27, 43, 2].map((overall) => ({
  overall,
  round: overall <= 32 ? 1 : 2,
  pick_in_round: overall <= 32 ? overall : overall - 32,
  team_id: "CHI",
  original_team_id: "CHI",
}));
// order is indexed by overall - 1: lay the slots out at their places
const byOverall: Slot[] = [];
for (const slot of order) byOverall[slot.overall - 1] = slot;

const trade = (extra: Partial<Trade>): Trade => ({
  trade_id: "t",
  from_team_id: "CHI",
  to_team_id: "ARI",
  give: [27, 43],
  receive: [4],
  status: "rejected",
  value: { chart: "hill", give: 1000, receive: 1700 },
  ...extra,
});

describe("trades in words", () => {
  test("future picks read by when, round and first owner, after this draft's picks", () => {
    expect(futurePickLabel({ season_offset: 1, round: 1, original_team_id: "CHI" })).toBe("Next year R1 (CHI)");
    expect(futurePickLabel({ season_offset: 2, round: 3, original_team_id: "KC" })).toBe("In 2 years R3 (KC)");
    expect(picksLabel(byOverall, [27], [{ season_offset: 1, round: 2, original_team_id: "CHI" }])).toBe(
      "R1 #27 + Next year R2 (CHI)",
    );
    expect(picksLabel(byOverall, [])).toBe("nothing");
  });

  test("a turned-down offer names the package the GM would take", () => {
    const counter = {
      give: [27, 43],
      receive: [4],
      give_future: [{ season_offset: 1 as const, round: 1, original_team_id: "CHI" }],
      receive_future: [],
    };
    expect(tradeOutcomeText(trade({ reason: "below_value", counter }), byOverall, "Arizona Cardinals").text).toMatch(
      /They would take R1 #27 \+ R2 #43 \+ Next year R1 \(CHI\) for R1 #4\.$/,
    );
  });

  test("picks read round first", () => {
    expect(pickLabel(byOverall, 4)).toBe("R1 #4");
    expect(pickLabel(byOverall, 43)).toBe("R2 #43");
    expect(pickLabel(byOverall, 300)).toBe("#300");
  });

  test("a lowball turned down says why, with the chart's figures, in a warning tone", () => {
    const outcome = tradeOutcomeText(trade({ reason: "below_value" }), byOverall, "Arizona Cardinals");
    expect(outcome.tone).toBe("error");
    expect(outcome.text).toBe(
      "Arizona Cardinals said no: on the hill chart you offered 1,000 for 1,700; their GM wants at least 1,785 to give up R1 #4.",
    );
  });

  test("done, sent and expired read differently", () => {
    expect(tradeOutcomeText(trade({ status: "executed" }), byOverall, "ARI")).toEqual({
      text: "Trade done: you gave R1 #27 + R2 #43 and got R1 #4.",
      tone: "info",
    });
    expect(tradeOutcomeText(trade({ status: "pending" }), byOverall, "ARI").text).toMatch(/^Offer sent to ARI/);
    expect(tradeOutcomeText(trade({ reason: "expired" }), byOverall, "ARI").text).toMatch(/expired/);
  });

  test("the history labels each way a trade closes", () => {
    expect(
      [
        trade({ status: "executed" }),
        trade({ status: "pending" }),
        trade({ reason: "expired" }),
        trade({ reason: "withdrawn" }),
        trade({ reason: "below_value" }),
        trade({ reason: "declined" }),
        trade({}),
      ].map(tradeStatusLabel),
    ).toEqual(["done", "pending", "expired", "withdrawn", "turned down", "declined", "not done"]);
  });
});
