// Room chat (PROTOCOL.md v2, "Room chat"): what a client sends, the message
// every socket in the room receives, and the limits both sides share. Chat is
// not the draft: its events carry no seq and are not in the session's log.
import { z } from "zod";

/** A message is 1–500 characters once trimmed (characters: Unicode code points, so an emoji counts as one). */
export const CHAT_TEXT_MAX = 500;
/** join_session's ack carries this many of the latest messages, oldest first. */
export const CHAT_HISTORY_LIMIT = 100;
/** Per socket: a burst of 5 messages, then one a second. */
export const CHAT_RATE_LIMIT = { burst: 5, perSecond: 1 } as const;

/** Code points, not UTF-16 units: what a person counts as characters. */
export const chatLength = (text: string) => [...text].length;

// NUL cannot be stored in a PostgreSQL text column, and the other control characters (bar tab and line
// breaks) only ever come from a broken or hostile client
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const chatTextSchema = z
  .string()
  .trim()
  .min(1, "type a message first")
  .refine((text) => chatLength(text) <= CHAT_TEXT_MAX, `a message can be at most ${CHAT_TEXT_MAX} characters`)
  .refine((text) => !CONTROL.test(text), "a message cannot contain control characters")
  // a lone surrogate half cannot be stored as UTF-8: it would come back as another character
  .refine((text) => !LONE_SURROGATE.test(text), "a message must be valid Unicode text");

export const sendChatSchema = z.strictObject({
  session_id: z.uuid(),
  // bounded before trimming too, so a huge string is refused without being copied around
  text: z
    .string()
    .max(CHAT_TEXT_MAX * 8, `a message can be at most ${CHAT_TEXT_MAX} characters`)
    .pipe(chatTextSchema),
});

/** POST /api/sessions/:id/chat (an addition): the commissioner posts from the admin console, over HTTP like its other tools. */
export const adminChatSchema = sendChatSchema.omit({ session_id: true });

export const CHAT_ROLES = ["team", "admin"] as const;

export const chatMessageSchema = z.object({
  message_id: z.string(),
  from: z.object({
    role: z.enum(CHAT_ROLES),
    team_id: z.string().optional(),
    display_name: z.string().optional(),
  }),
  /** plain text, trimmed; shown as text, never as HTML */
  text: z.string(),
  /** ISO-8601 */
  at: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatSender = ChatMessage["from"];

/** chat_message: one new message, to every socket in the session's room. */
export const chatMessageEventSchema = z.object({ session_id: z.string(), message: chatMessageSchema });
export type ChatMessageEvent = z.infer<typeof chatMessageEventSchema>;

/** chat_cleared (an addition): the commissioner cleared the room's chat; every client empties its list. */
export const chatClearedEventSchema = z.object({ session_id: z.string() });
