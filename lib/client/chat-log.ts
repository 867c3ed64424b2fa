// The room's chat as the browser keeps it: the join's history, then each
// chat_message as it comes, without duplicates (a sender gets its own message
// twice: in its ack and in the broadcast) and never more than a screenful
// times a few, so a long draft's chatter does not grow the page for ever.
import { CHAT_HISTORY_LIMIT, chatMessageSchema, type ChatMessage } from "@/lib/protocol/chat";

/** Messages kept in the browser: the join's 100, and as many again that arrive while the room is open. */
export const CHAT_KEPT = CHAT_HISTORY_LIMIT * 2;

/** `list` with `incoming` added in arrival order, skipping messages already there, trimmed to the newest CHAT_KEPT. */
export function addMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const seen = new Set(list.map((m) => m.message_id));
  const added = incoming.filter((m) => !seen.has(m.message_id) && seen.add(m.message_id));
  if (added.length === 0) return list as ChatMessage[];
  return [...list, ...added].slice(-CHAT_KEPT);
}

/** A join ack's `chat`, item by item: an odd message is dropped, not the join (and an older server sends none). */
export function parseChatHistory(raw: unknown): ChatMessage[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = chatMessageSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
