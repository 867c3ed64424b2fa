"use client";
// The admin console: signed out, it offers sign-in and a new league; signed
// in, the league's sessions on the left and the selected one, live, on the right.
import { useCallback, useEffect, useRef, useState } from "react";
import { adminApi, type AdminLeague, type AdminSessionEntry, type CreatedSeats } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import { buttonClass, MessageLine } from "@/app/_components/ui";
import { AdminKeyPanel } from "./admin-key-panel";
import { CreateSessionPanel } from "./create-session-panel";
import { DraftClassesView } from "./draft-classes/draft-classes-view";
import { NewSeatLinks } from "./new-seat-links";
import { SessionRunner } from "./session-runner";
import { SessionsPanel } from "./sessions-panel";
import { SignInPanel } from "./sign-in-panel";

type Auth = { state: "checking" } | { state: "signed-out" } | { state: "signed-in"; league: AdminLeague };
type View = "sessions" | "classes";
const VIEWS: { id: View; label: string }[] = [
  { id: "sessions", label: "Sessions" },
  { id: "classes", label: "Draft classes" },
];

export function AdminConsole({ hasCookie }: { hasCookie: boolean }) {
  const [auth, setAuth] = useState<Auth>(hasCookie ? { state: "checking" } : { state: "signed-out" });
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedSeats | null>(null);
  const [keyPanel, setKeyPanel] = useState(false);
  // bumped to make the session list reload at once after a change
  const [listVersion, setListVersion] = useState(0);
  const [live, setLive] = useState<Pick<AdminSessionEntry, "session_id" | "status" | "current_pick"> | null>(null);
  const [view, setView] = useState<View>("sessions");
  /** the class the create form starts on, when "New session" came from a class */
  const [preferredPool, setPreferredPool] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!hasCookie) return;
    const controller = new AbortController();
    adminApi
      .current(controller.signal)
      .then((league) => setAuth(league ? { state: "signed-in", league } : { state: "signed-out" }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(describeError(err));
        setAuth({ state: "signed-out" });
      });
    return () => controller.abort();
  }, [hasCookie]);

  // ?session= and ?view= keep the selection across a reload and make it linkable
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const fromUrl = params.get("session");
    if (fromUrl) setSelected(fromUrl);
    if (params.get("view") === "classes") setView("classes");
  }, []);
  const show = useCallback((next: View) => {
    setView(next);
    const url = new URL(window.location.href);
    if (next === "classes") url.searchParams.set("view", "classes");
    else url.searchParams.delete("view");
    window.history.replaceState(null, "", url);
  }, []);
  // on a phone the runner sits below the list and the create form, a screen or two down: a session
  // chosen from the list is scrolled into view (on a wide screen it is already beside the list)
  const runnerRef = useRef<HTMLDivElement>(null);
  const [revealRunner, setRevealRunner] = useState(0);
  useEffect(() => {
    if (!revealRunner || !window.matchMedia("(max-width: 1023.98px)").matches) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    runnerRef.current?.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }, [revealRunner]);
  const select = useCallback((sessionId: string | null) => {
    setSelected(sessionId);
    const url = new URL(window.location.href);
    if (sessionId) url.searchParams.set("session", sessionId);
    else url.searchParams.delete("session");
    window.history.replaceState(null, "", url);
  }, []);

  async function signOut() {
    try {
      await adminApi.signOut();
    } catch (err) {
      setError(describeError(err));
      return;
    }
    setAuth({ state: "signed-out" });
    setCreated(null);
    select(null);
  }

  if (auth.state !== "signed-in") {
    return (
      <main className="mx-auto max-w-3xl space-y-4 p-3 sm:p-4">
        <h1 className="text-2xl font-bold text-slate-50">Admin console</h1>
        <p className="text-sm text-slate-300">
          Run your league&apos;s drafts: create sessions, hand out seat links, and pause, undo, pick or trade as
          commissioner.
        </p>
        {error && <MessageLine message={error} />}
        {auth.state === "checking" ? (
          <p className="text-sm text-slate-300">Checking your sign-in…</p>
        ) : (
          <SignInPanel onSignedIn={(league) => setAuth({ state: "signed-in", league })} />
        )}
      </main>
    );
  }

  return (
    <main className="mx-auto max-w-[96rem] space-y-4 p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-50">Admin console</h1>
        <p className="mr-auto text-sm text-slate-300">
          League{" "}
          <span className="font-semibold text-slate-100" data-testid="league-name">
            {auth.league.name}
          </span>
        </p>
        <button
          type="button"
          className={buttonClass("secondary")}
          aria-expanded={keyPanel}
          onClick={() => setKeyPanel((open) => !open)}
        >
          Admin key
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
      {error && <MessageLine message={error} />}
      {keyPanel && (
        <div className="max-w-xl">
          <AdminKeyPanel onClose={() => setKeyPanel(false)} />
        </div>
      )}
      <div role="tablist" aria-label="Console sections" className="flex gap-1 border-b border-slate-800">
        {VIEWS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={view === tab.id}
            onClick={() => show(tab.id)}
            className={`-mb-px rounded-t-md border px-4 py-2 text-sm font-semibold ${view === tab.id ? "border-slate-700 border-b-slate-950 bg-slate-950 text-slate-50" : "border-transparent text-slate-300 hover:text-slate-50"}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {view === "classes" ? (
        <DraftClassesView
          leagueId={auth.league.league_id}
          onNewSession={(poolId) => {
            setPreferredPool(poolId);
            show("sessions");
          }}
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <div className="space-y-4">
            {created && <NewSeatLinks created={created} onDismiss={() => setCreated(null)} />}
            <SessionsPanel
              selected={selected}
              onSelect={(sessionId) => {
                select(sessionId);
                setRevealRunner((n) => n + 1);
              }}
              version={listVersion}
              live={live}
            />
            <CreateSessionPanel
              key={preferredPool ?? "default"}
              leagueId={auth.league.league_id}
              initialPool={preferredPool}
              onCreated={(seats) => {
                setCreated(seats);
                setListVersion((v) => v + 1);
                select(seats.session_id);
              }}
            />
          </div>
          {selected ? (
            <div ref={runnerRef} className="min-h-[100svh] min-w-0 scroll-mt-2 lg:min-h-0">
              <SessionRunner
                key={selected}
                sessionId={selected}
                onChanged={() => setListVersion((v) => v + 1)}
                onLive={setLive}
              />
            </div>
          ) : (
            <section className="grid min-h-64 place-items-center rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-300">
              Select a session to run it, or create one.
            </section>
          )}
        </div>
      )}
    </main>
  );
}
