// Grades over HTTP (PROTOCOL v2, "Results: grades and the shareable card"):
// GET /api/sessions/:id/results gives every team that made a pick a grade,
// A+ to F, and every pick its value_vs_board; a team without picks has none.
import type { AdminAction } from "../lib/protocol/commands";
import { GRADES } from "../lib/protocol/results";
import { historySessionId } from "../lib/server/pools/history-sessions";
import { apiClient } from "./support/api-client";
import { backendName } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let http: ReturnType<typeof apiClient>;
beforeAll(async () => {
  server = await startTestServer();
  http = apiClient(server.warroom.http);
});
afterAll(async () => {
  await server.close();
});

describe(`results grades (${backendName})`, () => {
  test("a reach grades worse than a steal, each pick carries value_vs_board, and teams without picks carry no grade", async () => {
    const { admin_key: adminKey } = await http.answer("createLeague", { body: { name: "Grades league" } });
    // 2024 order: CHI #1, WAS #2, NE #3; every pick is the admin's, so nothing here depends on a CPU GM
    const { session_id: id } = await http.answer("createSession", {
      adminKey,
      body: {
        name: "Graded mock",
        rounds: 1,
        seconds_per_pick: 0,
        human_teams: ["CHI", "WAS", "NE"],
        cpu_delay_ms: 60000,
        cpu_trade_offers: false,
        cpu_trades: false,
      },
    });
    const params = { id };
    const act = (action: AdminAction) => http.answer("action", { params, adminKey, body: { action } });
    await act("start");
    const board = await http.answer("players", { params, query: { available: "true" } });
    const byRank = (rank: number) => board.find((player) => player.rank === rank)!;
    const pick = (team: string, rank: number, overall: number) =>
      http.answer("adminPick", {
        params,
        adminKey,
        body: { team_id: team, player_id: byRank(rank).player_id, expected_overall: overall },
      });
    await pick("CHI", 40, 1); // a reach of 39 places
    await pick("WAS", 2, 2); // at his rank
    await pick("NE", 1, 3); // a steal of 2 places

    const raw = await http.call("results", { params });
    expect(raw.status).toBe(200);
    const results = raw.answer!;
    const team = (id: string) => results.teams.find((t) => t.team_id === id)!;
    expect(team("CHI").picks.map((p) => p.value_vs_board)).toEqual([1 - 40]);
    expect(team("WAS").picks.map((p) => p.value_vs_board)).toEqual([0]);
    expect(team("NE").picks.map((p) => p.value_vs_board)).toEqual([3 - 1]);
    expect(team("CHI").grade).toBe("F");
    expect(team("WAS").grade).toBe("B");
    expect(["A+", "A"]).toContain(team("NE").grade);
    expect(team("NE").controller).toBe("human");
    expect(team("KC").controller).toBe("cpu");

    // on the wire: snake_case names, and no grade at all (not null) for the 29 teams that have not picked
    const wire = JSON.parse(raw.text) as { teams: Record<string, unknown>[] };
    const ungraded = wire.teams.filter((t) => !("grade" in t));
    expect(ungraded).toHaveLength(29);
    expect(ungraded.every((t) => (t.picks as unknown[]).length === 0)).toBe(true);
    expect(JSON.stringify(wire.teams.find((t) => t.team_id === "NE"))).toMatch(/"value_vs_board":2/);
  });

  test("a real draft's every club gets a letter of the scale", async () => {
    const results = await http.answer("results", { params: { id: historySessionId("2024") } });
    expect(results.teams).toHaveLength(32);
    for (const team of results.teams) {
      expect(GRADES).toContain(team.grade);
      // a real draft's board is its own order (rank = the real pick): every pick is at its rank
      for (const pick of team.picks) expect(pick.value_vs_board).toBe(0);
    }
  });
});
