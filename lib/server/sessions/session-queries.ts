// Read-only views for the lobby, the player list, replay and export.
import "../db/server-only";
import { matchesPlayer, wirePlayer, type PlayerFilter } from "../../draft/players";
import { summarizeResults } from "../../draft/results";
import { futureKey } from "../../draft/future-picks";
import type { DraftEvent } from "../../draft/types";
import type { SeatAccess } from "../../protocol/http";
import type { LobbyEntry } from "../../protocol/routes";
import type { Player, Slot } from "../../protocol/shapes";
import { toCsv } from "../http/csv-out";
import type { SessionRepository } from "./session-repository";
import type { SessionRunner } from "./session-runner";

const LOBBY_LIMIT = 100;
/** A session nobody has connected to and nothing has happened in for this long is listed as inactive. */
export const INACTIVE_AFTER_MS = 24 * 60 * 60 * 1000;

export function createSessionQueries({
  repo,
  runner,
  now = Date.now,
}: {
  repo: SessionRepository;
  runner: SessionRunner;
  now?: () => number;
}) {
  return {
    /** The lobby: newest sessions first; with a league, only that league's. */
    async lobby(leagueId?: string): Promise<LobbyEntry[]> {
      const rows = await repo.lobby(LOBBY_LIMIT, leagueId);
      const keys = rows.flatMap((row) =>
        row.currentOverall === null ? [] : [{ sessionId: row.id, overall: row.currentOverall }],
      );
      const slots = new Map((await repo.slots(keys)).map((slot) => [slot.sessionId, slot]));
      return rows.map((row) => {
        const slot = slots.get(row.id);
        const current_pick: Slot | null = slot
          ? {
              overall: slot.overall,
              round: slot.round,
              pick_in_round: slot.pickInRound,
              team_id: slot.teamId,
              original_team_id: slot.originalTeamId,
            }
          : null;
        const lastActive = Math.max(row.updatedAt.getTime(), row.lastSeenAt?.getTime() ?? 0);
        const seatAccess = row.seatAccess as SeatAccess;
        return {
          session_id: row.id,
          name: row.name,
          status: row.status as LobbyEntry["status"],
          current_pick,
          // an invitation-only seat is never offered, however long its link goes unused
          open_seats: seatAccess === "open" ? row.seats.map((seat) => seat.teamId) : [],
          seat_access: seatAccess,
          last_active_at: new Date(lastActive).toISOString(),
          inactive: row.status !== "complete" && now() - lastActive >= INACTIVE_AFTER_MS,
        };
      });
    },

    async players(sessionId: string, filter: PlayerFilter & { available?: boolean }): Promise<Player[]> {
      const { state } = await runner.current(sessionId);
      return state.config.pool.players
        .filter(
          (player) => filter.available === undefined || filter.available !== state.takenPlayerIds.has(player.player_id),
        )
        .filter((player) => matchesPlayer(player, filter))
        .map(wirePlayer);
    },

    async results(sessionId: string) {
      const { state } = await runner.current(sessionId);
      return { session_id: sessionId, name: state.config.name, status: state.status, teams: summarizeResults(state) };
    },

    async events(sessionId: string, after: number, limit: number): Promise<DraftEvent[]> {
      await runner.mustLoad(sessionId);
      return repo.readEvents(sessionId, after, limit);
    },

    /** JSON: the picks and trades; CSV: one table a file, the picks (one a line) or the trades (one a line, any status). */
    async exportDraft(
      sessionId: string,
      format: "csv" | "json",
      table: "picks" | "trades" = "picks",
    ): Promise<{ body: string; contentType: string }> {
      const { state } = await runner.current(sessionId);
      if (format === "json") {
        const body = JSON.stringify({
          session_id: sessionId,
          name: state.config.name,
          status: state.status,
          picks: state.picks,
          trades: state.trades,
        });
        return { body, contentType: "application/json" };
      }
      const contentType = "text/csv; charset=utf-8";
      if (table === "trades") {
        return {
          contentType,
          body: toCsv(
            [
              "trade_id",
              "status",
              "from_team_id",
              "to_team_id",
              "give",
              "receive",
              "give_future",
              "receive_future",
              "chart",
              "value_give",
              "value_receive",
            ],
            // a future pick as season_offset:round:original_team_id ("1:1:CHI": next year's first of Chicago's)
            state.trades.map((t) => [
              t.trade_id,
              t.status,
              t.from_team_id,
              t.to_team_id,
              t.give.join(" "),
              t.receive.join(" "),
              (t.give_future ?? []).map(futureKey).join(" "),
              (t.receive_future ?? []).map(futureKey).join(" "),
              t.value?.chart,
              t.value?.give,
              t.value?.receive,
            ]),
          ),
        };
      }
      const originalOwner = (overall: number) => state.order[overall - 1]?.original_team_id ?? "";
      return {
        contentType,
        body: toCsv(
          [
            "overall",
            "round",
            "pick_in_round",
            "team_id",
            "original_team_id",
            "player_id",
            "player_name",
            "position",
            "college",
            "rank",
            "auto",
            "made_at",
          ],
          state.picks.map((p) => [
            p.overall,
            p.round,
            p.pick_in_round,
            p.team_id,
            originalOwner(p.overall),
            p.player.player_id,
            p.player.name,
            p.player.position,
            p.player.college,
            p.player.rank,
            p.auto,
            p.made_at,
          ]),
        ),
      };
    },
  };
}

export type SessionQueries = ReturnType<typeof createSessionQueries>;
