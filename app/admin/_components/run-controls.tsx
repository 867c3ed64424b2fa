"use client";
// The commissioner's buttons, over HTTP with the console's cookie. Undo and
// complete ask for a second click in place (no browser dialog): they change
// the draft for everyone. The server is the judge of what is allowed; buttons
// are only disabled where the answer is obviously "invalid_state".
import { useState } from "react";
import { adminApi } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import type { AdminAction } from "@/lib/protocol/commands";
import type { Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, MessageLine } from "@/app/_components/ui";

const ACTIONS: {
  action: AdminAction;
  label: string;
  enabled: (s: Snapshot) => boolean;
  confirm?: boolean;
  danger?: boolean;
}[] = [
  { action: "start", label: "Start", enabled: (s) => s.status === "lobby" },
  { action: "pause", label: "Pause", enabled: (s) => s.status === "running" },
  { action: "resume", label: "Resume", enabled: (s) => s.status === "paused" },
  {
    action: "undo_last_pick",
    label: "Undo last pick",
    enabled: (s) => s.picks.length > 0 && s.status !== "complete",
    confirm: true,
  },
  {
    action: "force_autopick",
    label: "Force autopick",
    enabled: (s) => s.status === "running" && s.current_pick !== null,
  },
  { action: "complete", label: "Complete draft", enabled: (s) => s.status !== "complete", confirm: true, danger: true },
];

export function RunControls({
  sessionId,
  snapshot,
  onDone,
}: {
  sessionId: string;
  snapshot: Snapshot;
  onDone: () => void;
}) {
  const [pending, setPending] = useState<AdminAction | null>(null);
  const [confirming, setConfirming] = useState<AdminAction | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);

  async function run(action: AdminAction, label: string) {
    setConfirming(null);
    setPending(action);
    setMessage(null);
    try {
      await adminApi.action(sessionId, action);
      setMessage({ text: `${label}: done.`, tone: "info" });
      onDone();
    } catch (err) {
      setMessage({ text: describeError(err), tone: "error" });
    } finally {
      setPending(null);
    }
  }

  return (
    <div
      className="rounded-lg border border-slate-800 bg-slate-900 px-3 py-2"
      role="group"
      aria-label="Session controls"
    >
      <div className="flex flex-wrap items-center gap-2">
        {ACTIONS.map(({ action, label, enabled, confirm, danger }) =>
          confirming === action && action === "complete" ? (
            <CompleteChoice
              key={action}
              snapshot={snapshot}
              onChoose={(chosen) =>
                void run(chosen, chosen === "autopick_rest" ? "Autopick the rest and complete" : label)
              }
              onCancel={() => setConfirming(null)}
            />
          ) : confirming === action ? (
            <span
              key={action}
              className="flex items-center gap-1 rounded-md border border-amber-700 bg-amber-950 px-2 py-1 text-sm text-amber-100"
            >
              {label}?
              <button
                type="button"
                className={buttonClass(danger ? "danger" : "primary")}
                onClick={() => void run(action, label)}
                autoFocus
              >
                Yes, {label.toLowerCase()}
              </button>
              <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </span>
          ) : (
            <button
              key={action}
              type="button"
              className={buttonClass(
                danger ? "danger" : action === "start" || action === "resume" ? "primary" : "secondary",
              )}
              disabled={pending !== null || !enabled(snapshot)}
              onClick={() => (confirm ? setConfirming(action) : void run(action, label))}
            >
              {pending === action ? `${label}…` : label}
            </button>
          ),
        )}
      </div>
      <MessageLine message={message?.text ?? null} tone={message?.tone ?? "error"} />
    </div>
  );
}

/**
 * Completing a draft with picks still to make: the commissioner chooses, knowing
 * what happens to them — made now as the clock would make them, or left empty.
 */
function CompleteChoice({
  snapshot,
  onChoose,
  onCancel,
}: {
  snapshot: Snapshot;
  onChoose: (action: "complete" | "autopick_rest") => void;
  onCancel: () => void;
}) {
  const left = snapshot.order.length - snapshot.picks.length;
  const started = snapshot.status === "running" || snapshot.status === "paused";
  const picks = `${left} pick${left === 1 ? "" : "s"}`;
  return (
    <div
      role="group"
      aria-label="Complete the draft"
      className="w-full space-y-2 rounded-md border border-amber-700 bg-amber-950 p-2 text-sm text-amber-100"
      data-testid="complete-choice"
    >
      <p>
        {!started
          ? "The draft has not started: completing it now ends it with every pick empty."
          : left === 0
            ? "Every pick is made."
            : `${picks} ${left === 1 ? "is" : "are"} still to be made. Autopick them (each team's queue first, then its best fit on the board), or end now and leave them empty on the board, in results and in exports.`}
      </p>
      <div className="flex flex-wrap gap-2">
        {started && left > 0 && (
          <button type="button" className={buttonClass("primary")} onClick={() => onChoose("autopick_rest")} autoFocus>
            Autopick the {picks} and complete
          </button>
        )}
        <button
          type="button"
          className={buttonClass("danger")}
          onClick={() => onChoose("complete")}
          {...(!started || left === 0 ? { autoFocus: true } : {})}
        >
          {started && left > 0 ? `End now, ${picks} left empty` : "Yes, complete draft"}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
