// Room chat (PROTOCOL.md v2, "Room chat"): seats and the commissioner post,
// spectators read. Persist, then broadcast to the session's room (the Redis
// adapter carries it to every node), so a message someone saw is in the
// history the next join gets.
import "../db/server-only";
import { randomUUID } from "node:crypto";
import { CHAT_HISTORY_LIMIT, type ChatMessage, type ChatSender } from "../../protocol/chat";
import { ContractError } from "../../protocol/errors";
import type { Role } from "../sessions/access";
import type { ChatRepository } from "./chat-repository";

/** How the commissioner appears in the chat. */
export const COMMISSIONER_NAME = "Commissioner";

export interface ChatBroadcast {
  message(sessionId: string, message: ChatMessage): void;
  cleared(sessionId: string): void;
}

export interface ChatDeps {
  repo: ChatRepository;
  /** resolves when the session exists; throws not_found otherwise */
  mustExist: (sessionId: string) => Promise<unknown>;
  broadcast: ChatBroadcast;
  now: () => number;
  newId?: () => string;
  /** a reason not to write now (the link between servers is down: other nodes' clients would not hear of it) */
  blocker?: () => string | null;
}

/** A database failure, told plainly (the message was not stored, so nobody was sent it). */
function databaseUnavailable(error: unknown): never {
  if (ContractError.is(error)) throw error;
  throw new ContractError("internal", "the database is unavailable right now; nothing was changed, try again");
}

export function createChatService({ repo, mustExist, broadcast, now, newId = randomUUID, blocker }: ChatDeps) {
  function refuseIfBlocked(): void {
    const blocked = blocker?.();
    if (blocked) throw new ContractError("internal", blocked);
  }

  async function senderOf(sessionId: string, role: Role): Promise<ChatSender> {
    if (role.role === "admin") return { role: "admin", display_name: COMMISSIONER_NAME };
    if (role.role === "team") {
      const name = await repo.seatHolderName(sessionId, role.team_id);
      return { role: "team", team_id: role.team_id, ...(name ? { display_name: name } : {}) };
    }
    throw new ContractError("forbidden", "spectators can read the chat but not post in it");
  }

  return {
    /** Posts `text` (already trimmed and checked by the payload's schema) as `role`; chat works in every status. */
    async send(sessionId: string, role: Role, text: string): Promise<ChatMessage> {
      await mustExist(sessionId);
      const from = await senderOf(sessionId, role).catch(databaseUnavailable);
      refuseIfBlocked();
      const message = await repo
        .insert({ id: newId(), sessionId, from, text, at: new Date(now()) })
        .catch(databaseUnavailable);
      broadcast.message(sessionId, message);
      return message;
    },

    /** The latest messages, oldest first, as join_session's ack carries them. */
    history(sessionId: string): Promise<ChatMessage[]> {
      return repo.recent(sessionId, CHAT_HISTORY_LIMIT).catch(databaseUnavailable);
    },

    /** The commissioner's clear_chat: every message goes, and every client in the room is told. */
    async clear(sessionId: string): Promise<void> {
      await mustExist(sessionId);
      refuseIfBlocked();
      await repo.clear(sessionId).catch(databaseUnavailable);
      broadcast.cleared(sessionId);
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
