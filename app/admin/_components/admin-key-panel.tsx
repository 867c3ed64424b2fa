"use client";
// Replacing the league's admin key (it leaked, someone left the league): the
// old key stops working at once, everywhere; this console's cookie gets the
// new one, which is shown here once. Seat links are not affected.
import { useState } from "react";
import { adminApi } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import { buttonClass, MessageLine, Panel } from "@/app/_components/ui";
import { CopyButton } from "./copy-button";

type Step = { state: "confirm" } | { state: "busy" } | { state: "done"; key: string };

export function AdminKeyPanel({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ state: "confirm" });
  const [error, setError] = useState<string | null>(null);

  async function replace() {
    setStep({ state: "busy" });
    setError(null);
    try {
      const { admin_key } = await adminApi.rotateKey();
      setStep({ state: "done", key: admin_key });
    } catch (err) {
      setError(describeError(err));
      setStep({ state: "confirm" });
    }
  }

  return (
    <Panel
      title="Admin key"
      actions={
        <button type="button" className={buttonClass("secondary")} onClick={onClose}>
          {step.state === "done" ? "Done" : "Cancel"}
        </button>
      }
    >
      <div className="space-y-2 p-3 text-sm" data-testid="admin-key-panel">
        {step.state === "done" ? (
          <>
            <p className="text-slate-300">
              The old key no longer works. This is the new one, shown once: store it now. This browser stays signed in.
            </p>
            <div className="flex items-center gap-2 rounded-md border border-slate-700 p-2">
              <code className="min-w-0 flex-1 break-all text-xs text-slate-200" data-testid="replaced-admin-key">
                {step.key}
              </code>
              <CopyButton text={step.key} label="Copy the new admin key" />
            </div>
          </>
        ) : (
          <>
            <p className="text-slate-300">
              A new key replaces the current one at once: anyone signed in or joined with the old key loses admin
              rights. Seat links keep working.
            </p>
            <button
              type="button"
              className={buttonClass("danger")}
              disabled={step.state === "busy"}
              onClick={() => void replace()}
            >
              {step.state === "busy" ? "Replacing…" : "Replace the admin key"}
            </button>
          </>
        )}
        <MessageLine message={error} />
      </div>
    </Panel>
  );
}
