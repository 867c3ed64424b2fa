"use client";
// Create a league and keep its admin key in this browser (the server shows it only once).
import { useState, type FormEvent } from "react";
import { api, errorMessage } from "@/lib/client/api";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "./ui";

interface Props {
  adminKey: string | null;
  onKeyChange: (key: string | null) => void;
}

export function CreateLeagueForm({ adminKey, onKeyChange }: Props) {
  const [name, setName] = useState("");
  const [pasted, setPasted] = useState("");
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const league = await api.createLeague(name.trim());
      onKeyChange(league.admin_key);
      setShownKey(league.admin_key);
      setName("");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function savePastedKey(event: FormEvent) {
    event.preventDefault();
    if (!pasted.trim()) return;
    onKeyChange(pasted.trim());
    setPasted("");
    setShownKey(null);
  }

  return (
    <Panel title="League">
      <div className="space-y-3 p-3">
        <form onSubmit={create} className="space-y-2">
          <label htmlFor="league-name" className={labelClass}>
            New league name
          </label>
          <div className="flex gap-2">
            <input id="league-name" className={inputClass} value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
            <button type="submit" className={buttonClass("primary", "shrink-0")} disabled={busy || !name.trim()}>
              Create league
            </button>
          </div>
          <MessageLine message={error} />
        </form>

        {shownKey && (
          <div className="rounded-md border border-amber-600 bg-amber-950 p-3 text-sm">
            <p className="font-semibold text-amber-100">Admin key — shown only once</p>
            <p className="mt-1 text-amber-200">It is saved in this browser. Copy it somewhere safe to use it elsewhere.</p>
            <code className="mt-2 block break-all rounded bg-slate-950 p-2 text-amber-100">{shownKey}</code>
            <button type="button" className={buttonClass("secondary", "mt-2")} onClick={() => void navigator.clipboard?.writeText(shownKey)}>
              Copy key
            </button>
          </div>
        )}

        {adminKey ? (
          <div className="flex items-center justify-between gap-2 text-sm text-slate-300">
            <span>An admin key is saved in this browser.</span>
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => {
                onKeyChange(null);
                setShownKey(null);
              }}
            >
              Forget key
            </button>
          </div>
        ) : (
          <form onSubmit={savePastedKey} className="space-y-1">
            <label htmlFor="admin-key" className={labelClass}>
              Or use an existing admin key
            </label>
            <div className="flex gap-2">
              <input id="admin-key" type="password" autoComplete="off" className={inputClass} value={pasted} onChange={(e) => setPasted(e.target.value)} />
              <button type="submit" className={buttonClass("secondary", "shrink-0")} disabled={!pasted.trim()}>
                Use key
              </button>
            </div>
          </form>
        )}
      </div>
    </Panel>
  );
}
