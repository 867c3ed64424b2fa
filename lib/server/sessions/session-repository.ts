// The queries about leagues, sessions, seats and the event log (the real
// drafts' start-up loader, pools/history-sessions.ts, writes its own): through
// Prisma, except the hot path's fixed statements (event-log-sql.ts).
import "../db/server-only";
import type { Database } from "../db/open-database";
import type { SqlClient, Statement } from "../db/sql-client";
import { createEventLogSql } from "./event-log-sql";
import type { DraftEvent } from "../../draft/types";
import type { Controller, Slot } from "../../protocol/shapes";
import type { SeatAccess } from "../../protocol/http";

export interface StoredConfig {
  rounds: number;
  seconds_per_pick: number;
  cpu_delay_ms: number;
  seed?: number;
  cpu_randomness?: number;
  need_weight?: number;
  trade_chart?: string;
  cpu_trade_offers?: boolean;
  cpu_trades?: boolean;
  /** a real past draft, loaded from a bundled pool */
  history?: boolean;
}

export interface SeatRecord {
  teamId: string;
  name: string;
  controller: Controller;
}

/** What a session is rebuilt from: its settings, seats, queues and whole log. */
export interface StoredSession {
  id: string;
  leagueId: string;
  poolId: string;
  name: string;
  config: StoredConfig;
  seats: SeatRecord[];
  events: DraftEvent[];
  queues: Record<string, string[]>;
}

interface LeagueKeyRow {
  id: string;
  name: string;
  adminKeyHash: string;
}

const LEAGUE_BY_KEY_HASH: Statement = {
  name: "warroom_league_by_key_hash",
  text: `SELECT id::text AS id, name, admin_key_hash AS "adminKeyHash" FROM leagues WHERE admin_key_hash = $1::text`,
};

/** More events than any draft has (a 7-round draft logs a few hundred): the whole log in one read. */
const WHOLE_LOG = 1_000_000;

export function createSessionRepository(prisma: Database, sql: SqlClient) {
  const eventLog = createEventLogSql(sql);
  return {
    // the hot path: appending to the log and reading it back
    ...eventLog,

    async createLeague(input: { name: string; adminKeyHash: string }) {
      return prisma.league.create({ data: input, select: { id: true } });
    },

    /** Replaces the league's key only if it is still the one presented: of two rotations at once, one wins. */
    async rotateLeagueKey(leagueId: string, currentHash: string, nextHash: string): Promise<boolean> {
      const { count } = await prisma.league.updateMany({
        where: { id: leagueId, adminKeyHash: currentHash },
        data: { adminKeyHash: nextHash },
      });
      return count === 1;
    },

    async sessionIdsOfLeague(leagueId: string): Promise<string[]> {
      const rows = await prisma.draftSession.findMany({ where: { leagueId }, select: { id: true } });
      return rows.map((row) => row.id);
    },

    /** Every admin request starts here: a fixed statement, not a Prisma query compiled on the event loop each time. */
    async findLeagueByKeyHash(adminKeyHash: string): Promise<LeagueKeyRow | null> {
      const rows = await sql.query<LeagueKeyRow>(LEAGUE_BY_KEY_HASH, [adminKeyHash]);
      return rows[0] ?? null;
    },

    /** Sessions of a league that are not complete (the per-league cap counts these). */
    async countActiveSessions(leagueId: string): Promise<number> {
      return prisma.draftSession.count({ where: { leagueId, status: { not: "complete" } } });
    },

    async rotateSeatToken(sessionId: string, teamId: string, tokenHash: string): Promise<boolean> {
      const { count } = await prisma.seat.updateMany({
        where: { sessionId, teamId, controller: "human" },
        data: { tokenHash },
      });
      return count === 1;
    },

    async createSession(input: {
      id: string;
      leagueId: string;
      poolId: string;
      name: string;
      config: StoredConfig;
      seatAccess: SeatAccess;
      seats: { teamId: string; name: string; controller: Controller; tokenHash: string | null }[];
      order: Slot[];
    }) {
      await prisma.$transaction([
        prisma.draftSession.create({
          data: {
            id: input.id,
            leagueId: input.leagueId,
            poolId: input.poolId,
            name: input.name,
            status: "lobby",
            config: { ...input.config },
            seatAccess: input.seatAccess,
          },
        }),
        prisma.seat.createMany({ data: input.seats.map((seat) => ({ sessionId: input.id, ...seat })) }),
        prisma.orderSlot.createMany({
          data: input.order.map((slot) => ({
            sessionId: input.id,
            overall: slot.overall,
            round: slot.round,
            pickInRound: slot.pick_in_round,
            teamId: slot.team_id,
            originalTeamId: slot.original_team_id,
          })),
        }),
      ]);
    },

    async loadSession(id: string): Promise<StoredSession | null> {
      const row = await prisma.draftSession.findUnique({
        where: { id },
        include: { seats: { orderBy: { teamId: "asc" } }, queues: true },
      });
      if (!row) return null;
      return {
        id: row.id,
        leagueId: row.leagueId,
        poolId: row.poolId,
        name: row.name,
        config: row.config as unknown as StoredConfig,
        seats: row.seats.map((seat) => ({
          teamId: seat.teamId,
          name: seat.name,
          controller: seat.controller as Controller,
        })),
        // through the same fixed statement as every other read of the log
        events: await eventLog.readEvents(id, 0, WHOLE_LOG),
        queues: Object.fromEntries(row.queues.map((queue) => [queue.teamId, queue.playerIds])),
      };
    },

    async lobby(limit: number, leagueId?: string) {
      return prisma.draftSession.findMany({
        where: leagueId ? { leagueId } : {},
        orderBy: { createdAt: "desc" },
        take: limit,
        select: {
          id: true,
          name: true,
          status: true,
          currentOverall: true,
          seatAccess: true,
          updatedAt: true,
          lastSeenAt: true,
          seats: {
            where: { controller: "human", claimed: false },
            select: { teamId: true },
            orderBy: { teamId: "asc" },
          },
        },
      });
    },

    async slots(keys: { sessionId: string; overall: number }[]) {
      if (keys.length === 0) return [];
      return prisma.orderSlot.findMany({ where: { OR: keys } });
    },

    async findSeatByTokenHash(tokenHash: string) {
      return prisma.seat.findUnique({
        where: { tokenHash },
        select: { sessionId: true, teamId: true, claimed: true, tokenHash: true },
      });
    },

    /** First come, first served: only an unclaimed human seat of an open session changes hands, with a fresh token. */
    async claimSeat(sessionId: string, teamId: string, tokenHash: string, displayName: string): Promise<boolean> {
      const { count } = await prisma.seat.updateMany({
        where: { sessionId, teamId, controller: "human", claimed: false, session: { seatAccess: "open" } },
        data: { claimed: true, tokenHash, displayName },
      });
      return count === 1;
    },

    /** Who holds each seat, for the commissioner: claimed (by the lobby or a first join by link) and the name given. */
    async seatHolders(sessionId: string) {
      return prisma.seat.findMany({
        where: { sessionId },
        orderBy: { teamId: "asc" },
        select: { teamId: true, name: true, controller: true, claimed: true, displayName: true },
      });
    },

    async seatAccess(sessionId: string): Promise<SeatAccess | null> {
      const row = await prisma.draftSession.findUnique({ where: { id: sessionId }, select: { seatAccess: true } });
      return row ? (row.seatAccess as SeatAccess) : null;
    },

    /** A seat was connected just now (throttled by the caller). */
    async touchSeen(sessionId: string, at: Date): Promise<void> {
      await prisma.draftSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: at } });
    },

    async markSeatClaimed(sessionId: string, teamId: string): Promise<void> {
      await prisma.seat.updateMany({ where: { sessionId, teamId, claimed: false }, data: { claimed: true } });
    },

    async saveQueue(sessionId: string, teamId: string, playerIds: string[]): Promise<void> {
      await prisma.teamQueue.upsert({
        where: { sessionId_teamId: { sessionId, teamId } },
        create: { sessionId, teamId, playerIds },
        update: { playerIds },
      });
    },

    /** Running sessions whose clock work is overdue: a node that died may have held their timers. */
    async overdueSessionIds(before: number): Promise<string[]> {
      const rows = await prisma.draftSession.findMany({
        where: { status: "running", nextDueAt: { lte: new Date(before) } },
        select: { id: true },
        take: 100,
      });
      return rows.map((row) => row.id);
    },

    async activeSessionIds(): Promise<string[]> {
      const rows = await prisma.draftSession.findMany({ where: { status: "running" }, select: { id: true } });
      return rows.map((row) => row.id);
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
