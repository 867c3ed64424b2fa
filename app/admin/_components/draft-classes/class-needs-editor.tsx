"use client";
// An imported class's needs, edited after the import. Saving imports the class
// again with the new needs (a class never changes: sessions replay from it)
// and deletes the old one unless a session uses it.
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import { saveNeeds } from "@/lib/client/admin/class-actions";
import { describeError } from "@/lib/client/fetch-json";
import type { PoolDetail, PoolSummary, PositionNeeds } from "@/lib/protocol/pools";
import { buttonClass, MessageLine, Panel } from "@/app/_components/ui";
import { NeedsGrid } from "./needs-grid";

interface Props {
  pool: PoolSummary;
  /** the class as saved (a new id) and what to tell the commissioner */
  onSaved: (newPoolId: string, note: string) => void;
  onClose: () => void;
}

export function ClassNeedsEditor({ pool, onSaved, onClose }: Props) {
  const [detail, setDetail] = useState<PoolDetail | null>(null);
  const [needs, setNeeds] = useState<PositionNeeds | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);

  useEffect(() => {
    // a stale answer is ignored, not aborted (an abort is a failed request in the browser's log)
    let stale = false;
    api
      .poolDetail(pool.pool)
      .then((loaded) => {
        if (stale) return;
        setDetail(loaded);
        setNeeds(loaded.needs);
      })
      .catch((err: unknown) => !stale && setMessage({ text: describeError(err), tone: "error" }));
    return () => {
      stale = true;
    };
  }, [pool.pool]);

  async function save() {
    if (!needs) return;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await saveNeeds(pool.pool, needs);
      onSaved(
        saved.pool,
        saved.replaced
          ? `Needs of ${pool.name} saved.`
          : `Needs saved as a new copy of ${pool.name}: the old one stays, because sessions use it.`,
      );
    } catch (err) {
      setMessage({ text: describeError(err), tone: "error" });
      setSaving(false);
    }
  }

  return (
    <Panel
      title={`Team needs · ${pool.name}`}
      actions={
        <button type="button" className={buttonClass("secondary", "px-2")} onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="space-y-2 p-3">
        <p className="text-sm text-slate-300">
          0 = no need, 1 = the most pressing. CPU general managers draft toward a club&apos;s open needs; each pick at a
          position fills that need.
        </p>
        {detail && needs ? (
          <NeedsGrid needs={needs} teams={detail.teams} onChange={setNeeds} disabled={saving} />
        ) : (
          <div className="h-64" aria-busy="true" />
        )}
        <div className="flex items-center gap-2">
          <button
            type="button"
            className={buttonClass("primary")}
            disabled={!needs || saving || needs === detail?.needs}
            onClick={() => void save()}
          >
            {saving ? "Saving…" : "Save needs"}
          </button>
          <MessageLine message={message?.text ?? null} tone={message?.tone ?? "info"} />
        </div>
      </div>
    </Panel>
  );
}
