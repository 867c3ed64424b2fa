"use client";
// The room's chat (PROTOCOL.md v2, "Room chat"): who said what and when,
// newest at the bottom. Seats and the commissioner type (Enter sends);
// spectators read. Text is rendered as text: React escapes it, and nothing
// here ever sets HTML. Fixed height with its own scroll, so a message never
// moves the page.
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { CHAT_TEXT_MAX, chatLength, type ChatMessage } from "@/lib/protocol/chat";
import { TeamChip } from "@/app/_components/team-chip";
import { buttonClass } from "@/app/_components/ui";

/** What sending answered: the contract's ack, or the console's HTTP error, in the same shape. */
export type ChatSendOutcome = { ok: true } | { ok: false; error: { code: string; message: string } };

interface Props {
  messages: ChatMessage[];
  teamNames: Map<string, string>;
  /** false: read only (a spectator), with `readOnlyNote` where the box would be */
  canPost: boolean;
  readOnlyNote?: string;
  /** whose messages are "you" */
  isMine: (message: ChatMessage) => boolean;
  onSend: (text: string) => Promise<ChatSendOutcome>;
  /** a heading bar with this title (the desktop panel and the console); none inside a tab */
  title?: string;
  /** buttons in the heading bar (the console's Clear chat) */
  actions?: ReactNode;
  className?: string;
  testId?: string;
}

/** Within this many pixels of the bottom, a new message scrolls the list; further up, the reader is left alone. */
const STICKY_PX = 48;

export function ChatPanel({
  messages,
  teamNames,
  canPost,
  readOnlyNote = "You are watching: only seats and the commissioner can post.",
  isMine,
  onSend,
  title,
  actions,
  className = "",
  testId = "chat-panel",
}: Props) {
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const [draft, setDraft] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = chatLength(draft.trim());
  const tooLong = length > CHAT_TEXT_MAX;

  // keep the newest message in view while the reader is at the bottom (scrolls the list only, never the page)
  const last = messages.at(-1)?.message_id;
  useLayoutEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [last, messages.length]);

  // a screen reader hears each new message once, not the whole history a join brings (the list itself is silent)
  const previous = useRef<string | null | "unset">("unset");
  const [spoken, setSpoken] = useState("");
  useEffect(() => {
    const before = previous.current;
    previous.current = last ?? null;
    const newest = messages.at(-1);
    // exactly one message came after the one we had (none: an empty room); a join's history is many at once
    const oneNew = newest !== undefined && (messages.at(-2)?.message_id ?? null) === before;
    if (newest && before !== "unset" && oneNew && !isMine(newest))
      setSpoken(`${senderName(newest, teamNames)}: ${newest.text}`);
  }, [last, messages, isMine, teamNames]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text || tooLong || sending) return;
    setSending(true);
    setError(null);
    const outcome = await onSend(text);
    setSending(false);
    if (outcome.ok) {
      setDraft("");
      stick.current = true;
    } else setError(describeChatError(outcome.error.code));
  }

  return (
    <section
      aria-label={title ?? "Room chat"}
      data-testid={testId}
      className={`flex min-h-0 flex-col ${title ? "rounded-lg border border-slate-800 bg-slate-900" : ""} ${className}`}
    >
      {title && (
        <div className="flex min-h-11 flex-wrap items-center justify-between gap-2 border-b border-slate-800 px-3 py-1.5">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-200">{title}</h2>
          {actions}
        </div>
      )}
      <ol
        ref={list}
        role="log"
        aria-live="off"
        aria-label="Chat messages"
        tabIndex={0}
        onScroll={(event) => {
          const el = event.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
        }}
        className="min-h-0 flex-1 space-y-1 overflow-y-auto px-3 py-2 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        {messages.length === 0 && (
          <li className="py-2 text-slate-400" data-testid="chat-empty">
            No messages yet.{canPost ? " Say hello to the room." : ""}
          </li>
        )}
        {messages.map((message) => (
          <ChatLine key={message.message_id} message={message} teamNames={teamNames} mine={isMine(message)} />
        ))}
      </ol>
      <p className="sr-only" aria-live="polite" data-testid="chat-announcer">
        {spoken}
      </p>
      <div className="border-t border-slate-800 px-3 pb-1 pt-2">
        {canPost ? (
          <form onSubmit={(event) => void submit(event)} className="flex gap-2" aria-label="Send a chat message">
            <label className="sr-only" htmlFor={`${testId}-input`}>
              Message
            </label>
            <input
              id={`${testId}-input`}
              data-testid="chat-input"
              type="text"
              autoComplete="off"
              enterKeyHint="send"
              placeholder="Message the room"
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                if (error) setError(null);
              }}
              aria-invalid={tooLong || undefined}
              aria-describedby={`${testId}-status`}
              className="min-h-9 min-w-0 flex-1 rounded-md border border-slate-600 bg-slate-950 px-3 text-base text-slate-100 placeholder:text-slate-500 focus:border-sky-400 sm:text-sm"
            />
            <button
              type="submit"
              data-testid="chat-send"
              className={buttonClass("primary")}
              disabled={length === 0 || tooLong || sending}
            >
              Send
            </button>
          </form>
        ) : (
          <p className="flex min-h-9 items-center text-sm text-slate-400" data-testid="chat-read-only">
            {readOnlyNote}
          </p>
        )}
        {/* one line reserved for an error or the count, so neither moves anything when it appears */}
        <p
          id={`${testId}-status`}
          role={error ? "alert" : undefined}
          className={`flex min-h-5 justify-between gap-2 text-xs ${error || tooLong ? "text-rose-300" : "text-slate-400"}`}
        >
          <span data-testid="chat-error">{error ?? ""}</span>
          {canPost && length > CHAT_TEXT_MAX - 100 && (
            <span className="tabular-nums">
              {length} / {CHAT_TEXT_MAX}
            </span>
          )}
        </p>
      </div>
    </section>
  );
}

function ChatLine({
  message,
  teamNames,
  mine,
}: {
  message: ChatMessage;
  teamNames: Map<string, string>;
  mine: boolean;
}) {
  const { from } = message;
  const teamName = from.team_id ? (teamNames.get(from.team_id) ?? from.team_id) : null;
  const name = senderName(message, teamNames);
  return (
    <li data-testid="chat-message" className={`rounded px-1.5 py-1 ${mine ? "bg-sky-950/50" : ""}`}>
      <div className="flex min-w-0 items-center gap-1.5">
        {from.role === "admin" ? (
          <span className="rounded bg-amber-400 px-1.5 text-xs font-bold leading-5 text-slate-950">ADMIN</span>
        ) : from.team_id ? (
          <TeamChip teamId={from.team_id} title={teamName ?? undefined} />
        ) : null}
        <span className="min-w-0 truncate font-semibold text-slate-100" data-testid="chat-sender">
          {name}
          {mine && <span className="font-normal text-slate-400"> (you)</span>}
        </span>
        <time dateTime={message.at} className="ml-auto shrink-0 text-xs tabular-nums text-slate-400">
          {clockTime(message.at)}
        </time>
      </div>
      <p className="whitespace-pre-wrap break-words text-slate-200" data-testid="chat-text">
        {message.text}
      </p>
    </li>
  );
}

/** Who posted: the commissioner, the name a seat was claimed under, or the team's name. */
function senderName({ from }: ChatMessage, teamNames: Map<string, string>): string {
  if (from.role === "admin") return from.display_name ?? "Commissioner";
  const team = from.team_id ? (teamNames.get(from.team_id) ?? from.team_id) : "";
  return from.display_name ?? team;
}

const clockTime = (at: string) => new Date(at).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });

/** A refusal in words a person reads (the code is the contract's). */
export function describeChatError(code: string): string {
  switch (code) {
    case "rate_limited":
      return "Slow down: one message a second. Yours is still in the box.";
    case "forbidden":
      return "Only seats and the commissioner can post in this chat.";
    case "invalid_payload":
      return `A message needs 1 to ${CHAT_TEXT_MAX} characters of plain text.`;
    case "unauthorized":
      return "You are not in this room right now. Wait for it to reconnect, then send again.";
    case "disconnected":
    case "timeout":
      return "Not connected, so the message was not sent. It is still in the box.";
    default:
      return "The message was not sent. Try again in a moment.";
  }
}

/**
 * Messages that arrived while the chat was out of sight (a phone's Chat tab not open), not counting
 * your own. What the room held when it first loaded counts as read.
 */
export function useUnreadChat(
  messages: ChatMessage[],
  open: boolean,
  ready: boolean,
  isMine: (m: ChatMessage) => boolean,
) {
  const [seen, setSeen] = useState<string | null | undefined>(undefined);
  const last = messages.at(-1)?.message_id ?? null;
  useEffect(() => {
    if (!ready) return;
    if (open || seen === undefined) setSeen(last);
  }, [ready, open, last, seen]);
  if (open || seen === undefined) return 0;
  const from = seen === null ? 0 : messages.findIndex((m) => m.message_id === seen) + 1;
  return messages.slice(from).filter((m) => !isMine(m)).length;
}
