"use client";
// The league's imported classes: each with its size, downloads, and what can be
// done with it (mock it, start a session on it, edit its needs, delete it).
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import { adminApi } from "@/lib/client/admin/admin-api";
import { mockClass } from "@/lib/client/admin/class-actions";
import { enterRoom } from "@/lib/client/enter-room";
import { describeError } from "@/lib/client/fetch-json";
import { routeHref } from "@/lib/client/http-client";
import type { PoolSummary } from "@/lib/protocol/pools";
import { buttonClass, MessageLine, Panel } from "@/app/_components/ui";

interface Props {
  leagueId: string;
  /** bumped to reload the list after an import or a save */
  version: number;
  selected: string | null;
  onEditNeeds: (pool: PoolSummary) => void;
  onNewSession: (poolId: string) => void;
  onChanged: () => void;
}

/** Clubs in the order of their first pick, as people look for them. */
function clubsByFirstPick(pool: PoolSummary) {
  const first = new Map<string, number>();
  for (const slot of pool.order) if (!first.has(slot.team_id)) first.set(slot.team_id, slot.overall);
  return [...pool.teams].sort((a, b) => (first.get(a.team_id) ?? 999) - (first.get(b.team_id) ?? 999));
}

const when = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : "";

export function ClassesPanel({ leagueId, version, selected, onEditNeeds, onNewSession, onChanged }: Props) {
  const [classes, setClasses] = useState<PoolSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // a stale answer is ignored, not aborted (an abort is a failed request in the browser's log)
    let stale = false;
    api
      .listPools({ kind: "imported", leagueId })
      .then((list) => {
        if (stale) return;
        setClasses(list);
        setError(null);
      })
      .catch((err: unknown) => !stale && setError(describeError(err)));
    return () => {
      stale = true;
    };
  }, [leagueId, version]);

  return (
    <Panel title="Your draft classes">
      {error && (
        <div className="px-3 pt-2">
          <MessageLine message={error} />
        </div>
      )}
      <ul className="divide-y divide-slate-800" data-testid="draft-classes">
        {classes === null && !error && <li className="p-3 text-sm text-slate-400">Loading…</li>}
        {classes?.length === 0 && (
          <li className="p-3 text-sm text-slate-300">
            No imported classes yet. Import one with the form: the example board in examples/board.csv is a good start.
          </li>
        )}
        {classes?.map((pool) => (
          <ClassItem
            key={pool.pool}
            pool={pool}
            selected={pool.pool === selected}
            onEditNeeds={onEditNeeds}
            onNewSession={onNewSession}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </Panel>
  );
}

function ClassItem({
  pool,
  selected,
  onEditNeeds,
  onNewSession,
  onChanged,
}: { pool: PoolSummary; selected: boolean } & Pick<Props, "onEditNeeds" | "onNewSession" | "onChanged">) {
  const clubs = clubsByFirstPick(pool);
  const [team, setTeam] = useState(clubs[0]?.team_id ?? "");
  const [busy, setBusy] = useState<"mock" | "delete" | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const exportUrl = (format: "csv" | "json") => routeHref("exportPool", { pool: pool.pool }, { format });

  async function mock() {
    setBusy("mock");
    setMessage(null);
    try {
      enterRoom(await mockClass(pool, team));
    } catch (err) {
      setMessage(describeError(err));
      setBusy(null);
    }
  }

  async function remove() {
    setConfirmDelete(false);
    setBusy("delete");
    setMessage(null);
    try {
      await adminApi.deletePool(pool.pool);
      onChanged();
    } catch (err) {
      setMessage(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className={`space-y-2 p-3 ${selected ? "bg-sky-950/50" : ""}`} data-pool={pool.pool}>
      <div className="flex items-baseline gap-2">
        <h3 className="min-w-0 flex-1 truncate font-semibold text-slate-50" title={pool.name}>
          {pool.name}
        </h3>
        <span className="shrink-0 text-xs text-slate-400">{when(pool.created_at)}</span>
      </div>
      <p className="text-xs text-slate-300">
        {pool.players} prospects · {pool.order.length} picks · {pool.rounds} round{pool.rounds === 1 ? "" : "s"} ·{" "}
        <a className="text-sky-300 underline-offset-2 hover:underline" href={exportUrl("csv")} download>
          CSV
        </a>{" "}
        <a className="text-sky-300 underline-offset-2 hover:underline" href={exportUrl("json")} download>
          JSON
        </a>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`mock-team-${pool.pool}`}>
          Your team in the mock of {pool.name}
        </label>
        <select
          id={`mock-team-${pool.pool}`}
          className="min-h-9 w-24 rounded-md border border-slate-600 bg-slate-900 px-2 text-sm text-slate-100 focus:border-sky-400"
          value={team}
          onChange={(e) => setTeam(e.target.value)}
          disabled={busy !== null}
        >
          {clubs.map((club) => (
            <option key={club.team_id} value={club.team_id}>
              {club.team_id}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={buttonClass("primary")}
          disabled={busy !== null || !team}
          onClick={() => void mock()}
        >
          {busy === "mock" ? "Starting…" : "Mock this class"}
        </button>
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={busy !== null}
          onClick={() => onNewSession(pool.pool)}
        >
          New session
        </button>
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={busy !== null}
          onClick={() => onEditNeeds(pool)}
        >
          Edit needs
        </button>
        {confirmDelete ? (
          <>
            <button type="button" className={buttonClass("danger")} onClick={() => void remove()}>
              Delete for good
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className={buttonClass("danger")}
            disabled={busy !== null}
            onClick={() => setConfirmDelete(true)}
          >
            {busy === "delete" ? "Deleting…" : "Delete"}
          </button>
        )}
      </div>
      {message && <MessageLine message={message} />}
    </li>
  );
}
