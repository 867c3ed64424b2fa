// Everything a replay needs from the server: the session's snapshot (teams,
// rounds, final board), its whole persisted log (paged: the events route
// returns at most 1000 at a time), and for a mock of a real class, the real draft.
import { z } from "zod";
import type { Snapshot } from "@/lib/protocol/shapes";
import { api } from "../api";
import { callRoute } from "../http-client";
import { parseLog, type LogItem } from "./replay-timeline";

const PAGE = 1000;
export const fetchSnapshot = (sessionId: string, signal?: AbortSignal) =>
  callRoute("snapshot", { params: { id: sessionId }, signal });

export async function fetchLog(sessionId: string, signal?: AbortSignal): Promise<LogItem[]> {
  const items: LogItem[] = [];
  for (let after = 0; ;) {
    // read item by item (parseLog): one item this client does not understand does not sink the page
    const page = await callRoute(
      "events",
      { params: { id: sessionId }, query: { after: String(after), limit: String(PAGE) }, signal },
      z.array(z.unknown()),
    );
    const parsed = parseLog(page);
    items.push(...parsed);
    const last = parsed.at(-1);
    if (page.length < PAGE || !last) return items;
    after = last.seq;
  }
}

/** The completed real draft of the snapshot's class, or null when there is none or this session is that draft. */
export async function fetchRealDraft(snapshot: Snapshot, signal?: AbortSignal): Promise<Snapshot | null> {
  if (!snapshot.pool) return null;
  // only a bundled class has a real draft: ask about this one class, not for every class there is
  const pools = await api.listPools({ kind: "bundled" }, signal);
  const realId = pools.find((p) => p.pool === snapshot.pool)?.history_session_id;
  if (!realId || realId === snapshot.session_id) return null;
  return fetchSnapshot(realId, signal);
}
