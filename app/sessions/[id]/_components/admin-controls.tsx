"use client";
// The commissioner's buttons. The server is the judge of what is allowed; the
// buttons are only disabled where the answer is obviously "invalid_state".
import { useState } from "react";
import type { AckOutcome } from "@/lib/client/emit-ack";
import type { AdminAction } from "@/lib/protocol/commands";
import type { Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, MessageLine } from "@/app/_components/ui";

const ACTIONS: { action: AdminAction; label: string; enabled: (s: Snapshot) => boolean; danger?: boolean; confirm?: string }[] = [
  { action: "start", label: "Start", enabled: (s) => s.status === "lobby" },
  { action: "pause", label: "Pause", enabled: (s) => s.status === "running" },
  { action: "resume", label: "Resume", enabled: (s) => s.status === "paused" },
  { action: "undo_last_pick", label: "Undo last pick", enabled: (s) => s.picks.length > 0 && s.status !== "complete", confirm: "Take back the last pick?" },
  { action: "force_autopick", label: "Force autopick", enabled: (s) => s.status === "running" && s.current_pick !== null },
  { action: "complete", label: "Complete draft", enabled: (s) => s.status !== "complete", danger: true, confirm: "End the draft now? Remaining picks will not be made." },
];

export function AdminControls({ snapshot, onAction }: { snapshot: Snapshot; onAction: (action: AdminAction) => Promise<AckOutcome> }) {
  const [pending, setPending] = useState<AdminAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: AdminAction, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setPending(action);
    setError(null);
    const outcome = await onAction(action);
    setPending(null);
    if (!outcome.ok) setError(outcome.error.message);
  }

  return (
    <section aria-label="Admin controls" className="rounded-lg border border-slate-800 bg-slate-900 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-1 text-xs font-semibold uppercase tracking-wide text-slate-300">Admin</h2>
        {ACTIONS.map(({ action, label, enabled, danger, confirm }) => (
          <button
            key={action}
            type="button"
            className={buttonClass(danger ? "danger" : "secondary")}
            disabled={pending !== null || !enabled(snapshot)}
            onClick={() => void run(action, confirm)}
          >
            {pending === action ? `${label}…` : label}
          </button>
        ))}
      </div>
      <MessageLine message={error} />
    </section>
  );
}
