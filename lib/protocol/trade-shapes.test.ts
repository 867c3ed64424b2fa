// The v2 trade shapes on the wire: future picks in propose_trade, a rejected
// trade's counter, the snapshot's future_picks.
import { proposeTradeSchema, shopPickSchema } from "./commands";
import { adminTradeSchema } from "./http";
import { snapshotSchema, tradeSchema } from "./shapes";

const session_id = "00000000-0000-4000-8000-000000000001";
const base = { session_id, from_team_id: "KC", to_team_id: "BUF", give: [9], receive: [3] };
const pick = (season_offset: number, round: number, original_team_id = "KC") => ({
  season_offset,
  round,
  original_team_id,
});

describe("propose_trade with future picks", () => {
  test("takes give_future and receive_future beside give and receive, each optional", () => {
    expect(proposeTradeSchema.safeParse(base).success).toBe(true);
    expect(
      proposeTradeSchema.safeParse({ ...base, give_future: [pick(1, 1)], receive_future: [pick(2, 7, "BUF")] }).success,
    ).toBe(true);
    // only future picks on one side, nothing on the other: still a trade
    expect(proposeTradeSchema.safeParse({ ...base, give: [], receive: [], give_future: [pick(1, 3)] }).success).toBe(
      true,
    );
  });

  test("at least one side gives something; at most 7 future picks a side; none twice; real seasons and rounds", () => {
    const fails = (payload: object) => {
      const parsed = proposeTradeSchema.safeParse(payload);
      expect(parsed.success).toBe(false);
      return parsed.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    };
    expect(fails({ ...base, give: [], receive: [] })).toEqual(["give"]);
    fails({ ...base, give_future: [1, 2, 3, 4, 5, 6, 7, 1].map((round, i) => pick(i < 7 ? 1 : 2, round)) });
    fails({ ...base, give_future: [pick(1, 1), pick(1, 1)] });
    fails({ ...base, give_future: [pick(3, 1)] });
    fails({ ...base, give_future: [pick(1, 8)] });
    fails({ ...base, give_future: [{ ...pick(1, 1), owner_team_id: "KC" }] });
    expect(
      proposeTradeSchema.safeParse({ ...base, give_future: [1, 2, 3, 4, 5, 6, 7].map((round) => pick(1, round)) })
        .success,
    ).toBe(true);
  });

  test("the commissioner's HTTP trade follows the same rules", () => {
    const { session_id: _, ...body } = base;
    expect(adminTradeSchema.safeParse({ ...body, give_future: [pick(2, 2)] }).success).toBe(true);
    expect(adminTradeSchema.safeParse({ ...body, give: [], receive: [] }).success).toBe(false);
  });

  test("shop_pick names the session and the team on the clock", () => {
    expect(shopPickSchema.safeParse({ session_id, team_id: "NYG" }).success).toBe(true);
    expect(shopPickSchema.safeParse({ session_id }).success).toBe(false);
  });
});

describe("trade and snapshot shapes", () => {
  test("a rejected trade may carry a counter with all four lists", () => {
    const trade = {
      trade_id: "t",
      from_team_id: "KC",
      to_team_id: "BUF",
      give: [9],
      receive: [3],
      status: "rejected",
      reason: "below_value",
      counter: { give: [9, 40], receive: [3], give_future: [pick(1, 2)], receive_future: [] },
    };
    expect(tradeSchema.safeParse(trade).success).toBe(true);
    expect(tradeSchema.safeParse({ ...trade, counter: { give: [9], receive: [3] } }).success).toBe(false);
  });

  test("the snapshot lists future pick owners (and still reads an older server's snapshot without them)", () => {
    const snapshot = {
      session_id,
      name: "x",
      status: "lobby",
      seq: 0,
      rounds: 7,
      current_pick: null,
      clock: { seconds_per_pick: 0, deadline: null, remaining_ms: null },
      teams: [],
      order: [],
      picks: [],
      trades: [],
    };
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    const owners = [{ ...pick(1, 1), owner_team_id: "BUF" }];
    expect(snapshotSchema.parse({ ...snapshot, future_picks: owners }).future_picks).toEqual(owners);
  });
});
