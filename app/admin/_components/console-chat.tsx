"use client";
// The room's chat in the admin console: the same panel the room shows, posting
// as the commissioner and clearing it over HTTP with the console's cookie (the
// console watches the room as a spectator, so the key never reaches a socket).
import { useMemo, useState } from "react";
import { adminApi } from "@/lib/client/admin/admin-api";
import { HttpError } from "@/lib/client/fetch-json";
import type { ChatMessage } from "@/lib/protocol/chat";
import type { Snapshot } from "@/lib/protocol/shapes";
import { buttonClass } from "@/app/_components/ui";
import { ChatPanel, type ChatSendOutcome } from "@/app/sessions/[id]/_components/chat-panel";

const fromCommissioner = (m: ChatMessage) => m.from.role === "admin";

async function outcomeOf(call: () => Promise<unknown>): Promise<ChatSendOutcome> {
  try {
    await call();
    return { ok: true };
  } catch (err) {
    const code = err instanceof HttpError ? err.code : "internal";
    return { ok: false, error: { code, message: err instanceof Error ? err.message : "" } };
  }
}

export function ConsoleChat({
  sessionId,
  snapshot,
  messages,
}: {
  sessionId: string;
  snapshot: Snapshot;
  messages: ChatMessage[];
}) {
  const teamNames = useMemo(() => new Map(snapshot.teams.map((t) => [t.team_id, t.name])), [snapshot.teams]);
  const [confirming, setConfirming] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function clear() {
    setConfirming(false);
    setClearing(true);
    const outcome = await outcomeOf(() => adminApi.action(sessionId, "clear_chat"));
    setClearing(false);
    setNote(outcome.ok ? "Chat cleared for everyone." : `Could not clear the chat: ${outcome.error.message}`);
  }

  const actions = confirming ? (
    <span className="flex items-center gap-2 text-sm text-slate-200">
      Delete every message for everyone?
      <button type="button" className={buttonClass("danger")} onClick={() => void clear()} autoFocus>
        Clear chat
      </button>
      <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  ) : (
    <span className="flex items-center gap-2">
      <span role="status" className="text-xs text-slate-400">
        {note ?? ""}
      </span>
      <button
        type="button"
        className={buttonClass("secondary")}
        disabled={clearing || messages.length === 0}
        onClick={() => {
          setNote(null);
          setConfirming(true);
        }}
      >
        Clear chat…
      </button>
    </span>
  );

  return (
    <ChatPanel
      title="Room chat"
      testId="console-chat"
      className="h-[22rem]"
      messages={messages}
      teamNames={teamNames}
      canPost
      isMine={fromCommissioner}
      onSend={(text) => outcomeOf(() => adminApi.chat(sessionId, text))}
      actions={actions}
    />
  );
}
