"use client";
// Share and export. The share link is this page's own address: results are
// read-only and public, so the link needs no token and grants nothing.
import { useEffect, useState } from "react";
import { exportHref } from "@/lib/client/replay/results-api";
import { buttonClass } from "@/app/_components/ui";
import { CopyButton } from "@/app/admin/_components/copy-button";

export function ResultsActions({ sessionId }: { sessionId: string }) {
  const [share, setShare] = useState("");
  useEffect(() => setShare(`${window.location.origin}/sessions/${encodeURIComponent(sessionId)}/results`), [sessionId]);

  return (
    <section
      aria-label="Share and export"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-800 bg-slate-900 p-3"
    >
      <label htmlFor="share-link" className="text-xs font-semibold uppercase tracking-wide text-slate-300">
        Share
      </label>
      <input
        id="share-link"
        readOnly
        value={share}
        onFocus={(e) => e.target.select()}
        className="min-w-0 flex-1 basis-48 rounded-md border border-slate-600 bg-slate-950 px-2 py-1.5 text-sm text-slate-200"
      />
      <CopyButton text={share} label="Copy share link" />
      <a className={buttonClass("secondary")} href={exportHref(sessionId, "csv")} download>
        Picks CSV
      </a>
      <a className={buttonClass("secondary")} href={exportHref(sessionId, "csv", "trades")} download>
        Trades CSV
      </a>
      <a className={buttonClass("secondary")} href={exportHref(sessionId, "json")} download>
        Export JSON
      </a>
    </section>
  );
}
