"use client";
// Sign in with a league's admin key, or create a league. The key lives in this
// component only until the server has swapped it for an httpOnly cookie; after
// that the page's JS never holds it again.
import { useState, type FormEvent } from "react";
import { adminApi, type AdminLeague } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "@/app/_components/ui";
import { CopyButton } from "./copy-button";

export function SignInPanel({ onSignedIn }: { onSignedIn: (league: AdminLeague) => void }) {
  const [key, setKey] = useState("");
  const [leagueName, setLeagueName] = useState("");
  // a new league's key, shown once so it can be saved before signing in with it
  const [newKey, setNewKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signInWith(adminKey: string) {
    setBusy(true);
    setError(null);
    try {
      const league = await adminApi.signIn(adminKey);
      setKey("");
      setNewKey(null);
      onSignedIn(league);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  async function createLeague(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const league = await adminApi.createLeague(leagueName.trim());
      setNewKey(league.admin_key);
      setLeagueName("");
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  if (newKey) {
    return (
      <Panel title="League created">
        <div className="space-y-3 p-3 text-sm">
          <p className="font-semibold text-amber-100">This admin key is shown only once.</p>
          <p className="text-slate-300">
            Save it somewhere safe: it is the only way to sign in to this league from another browser.
          </p>
          <code
            data-testid="new-admin-key"
            className="block break-all rounded border border-amber-700 bg-slate-950 p-2 text-amber-100"
          >
            {newKey}
          </code>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={newKey} label="Copy the admin key" />
            <button
              type="button"
              className={buttonClass("primary")}
              disabled={busy}
              onClick={() => void signInWith(newKey)}
            >
              {busy ? "Signing in…" : "I saved it, open the console"}
            </button>
          </div>
          <MessageLine message={error} />
        </div>
      </Panel>
    );
  }

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Panel title="Sign in">
        <form
          className="space-y-2 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (key.trim()) void signInWith(key.trim());
          }}
        >
          <label htmlFor="admin-key" className={labelClass}>
            League admin key
          </label>
          <input
            id="admin-key"
            type="password"
            autoComplete="off"
            className={inputClass}
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <p className="text-xs text-slate-400">Kept in a cookie page scripts cannot read.</p>
          <button type="submit" className={buttonClass("primary", "w-full")} disabled={busy || !key.trim()}>
            Sign in
          </button>
        </form>
      </Panel>
      <Panel title="New league">
        <form className="space-y-2 p-3" onSubmit={(event) => void createLeague(event)}>
          <label htmlFor="league-name" className={labelClass}>
            League name
          </label>
          <input
            id="league-name"
            className={inputClass}
            maxLength={80}
            value={leagueName}
            onChange={(e) => setLeagueName(e.target.value)}
          />
          <p className="text-xs text-slate-400">You get its admin key once.</p>
          <button type="submit" className={buttonClass("secondary", "w-full")} disabled={busy || !leagueName.trim()}>
            Create league
          </button>
        </form>
      </Panel>
      <div className="md:col-span-2">
        <MessageLine message={error} />
      </div>
    </div>
  );
}
