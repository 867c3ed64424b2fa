"use client";
// The console's "Draft classes": the league's imported classes on the left,
// and on the right the import form, or the needs of the class being edited.
import { useState } from "react";
import type { ImportedPool, PoolSummary } from "@/lib/protocol/pools";
import { MessageLine } from "@/app/_components/ui";
import { ClassNeedsEditor } from "./class-needs-editor";
import { ClassesPanel } from "./classes-panel";
import { ImportClassForm } from "./import-class-form";

export function DraftClassesView({
  leagueId,
  onNewSession,
}: {
  leagueId: string;
  onNewSession: (poolId: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<PoolSummary | null>(null);
  const [note, setNote] = useState<string | null>(null);
  /** a fresh, empty import form after each import */
  const [imports, setImports] = useState(0);

  function imported(created: ImportedPool) {
    setSelected(created.pool);
    setNote(
      `Imported ${created.name}: ${created.players} prospects, ${created.picks} picks.${created.warnings.length ? ` ${created.warnings.join(" ")}` : ""}`,
    );
    setVersion((v) => v + 1);
    setImports((n) => n + 1);
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[26rem_minmax(0,1fr)]">
      <div className="space-y-2">
        <MessageLine message={note} tone="info" />
        <ClassesPanel
          leagueId={leagueId}
          version={version}
          selected={selected}
          onEditNeeds={(pool) => {
            setEditing(pool);
            setSelected(pool.pool);
            setNote(null);
          }}
          onNewSession={onNewSession}
          onChanged={() => setVersion((v) => v + 1)}
        />
      </div>
      {editing ? (
        <ClassNeedsEditor
          key={editing.pool}
          pool={editing}
          onClose={() => setEditing(null)}
          onSaved={(pool, text) => {
            setEditing(null);
            setSelected(pool);
            setNote(text);
            setVersion((v) => v + 1);
          }}
        />
      ) : (
        <ImportClassForm key={imports} onImported={imported} />
      )}
    </div>
  );
}
