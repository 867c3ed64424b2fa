// Everything a replay needs from the server: the session's snapshot (teams,
// rounds, final board), its whole persisted log (paged: the events route
// returns at most 1000 at a time), and for a mock of a real class, the real draft.
import { z } from "zod";
import { snapshotSchema, type Snapshot } from "@/lib/protocol/shapes";
import { api } from "../api";
import { fetchJson } from "../fetch-json";
import { parseLog, type LogItem } from "./replay-timeline";

const PAGE = 1000;
const id = (value: string) => encodeURIComponent(value);

export const fetchSnapshot = (sessionId: string, signal?: AbortSignal) =>
  fetchJson(snapshotSchema, `/api/sessions/${id(sessionId)}`, signal ? { signal } : {});

export async function fetchLog(sessionId: string, signal?: AbortSignal): Promise<LogItem[]> {
  const items: LogItem[] = [];
  for (let after = 0; ;) {
    const page = await fetchJson(
      z.array(z.unknown()),
      `/api/sessions/${id(sessionId)}/events?after=${after}&limit=${PAGE}`,
      signal ? { signal } : {},
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
