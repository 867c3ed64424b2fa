// Room chat's table (Prisma only here). Chat is not the draft: no seq, no
// event log, nothing the draft's replay reads.
import "../db/server-only";
import type { Database } from "../db/open-database";
import type { ChatMessage, ChatSender } from "../../protocol/chat";

export interface NewChatMessage {
  id: string;
  sessionId: string;
  from: ChatSender;
  text: string;
  at: Date;
}

type Row = {
  id: string;
  fromRole: string;
  fromTeamId: string | null;
  displayName: string | null;
  text: string;
  at: Date;
};

const COLUMNS = { id: true, fromRole: true, fromTeamId: true, displayName: true, text: true, at: true } as const;

export function toChatMessage(row: Row): ChatMessage {
  return {
    message_id: row.id,
    from: {
      role: row.fromRole === "admin" ? "admin" : "team",
      ...(row.fromTeamId ? { team_id: row.fromTeamId } : {}),
      ...(row.displayName ? { display_name: row.displayName } : {}),
    },
    text: row.text,
    at: row.at.toISOString(),
  };
}

export function createChatRepository(prisma: Database) {
  return {
    async insert(message: NewChatMessage): Promise<ChatMessage> {
      const row = await prisma.chatMessage.create({
        data: {
          id: message.id,
          sessionId: message.sessionId,
          fromRole: message.from.role,
          fromTeamId: message.from.team_id ?? null,
          displayName: message.from.display_name ?? null,
          text: message.text,
          at: message.at,
        },
        select: COLUMNS,
      });
      return toChatMessage(row);
    },

    /** The latest `limit` messages, oldest first. */
    async recent(sessionId: string, limit: number): Promise<ChatMessage[]> {
      const rows = await prisma.chatMessage.findMany({
        where: { sessionId },
        orderBy: { position: "desc" },
        take: limit,
        select: COLUMNS,
      });
      return rows.reverse().map(toChatMessage);
    },

    /** Deletes the session's chat; how many messages went. */
    async clear(sessionId: string): Promise<number> {
      const { count } = await prisma.chatMessage.deleteMany({ where: { sessionId } });
      return count;
    },

    /** The name a seat's holder gave when claiming it, if any. */
    async seatHolderName(sessionId: string, teamId: string): Promise<string | null> {
      const seat = await prisma.seat.findUnique({
        where: { sessionId_teamId: { sessionId, teamId } },
        select: { displayName: true },
      });
      return seat?.displayName ?? null;
    },
  };
}

export type ChatRepository = ReturnType<typeof createChatRepository>;
