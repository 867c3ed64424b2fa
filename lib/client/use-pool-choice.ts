"use client";
// What both session forms (the lobby's solo mock, the admin console's create
// panel) do with the draft classes they offer (the lobby: the bundled ones;
// the console: those and its league's imported ones): fetch them once, choose
// 2024 (or the class asked for) by default, list the chosen class's clubs in the order of their first pick
// (how people look for them), and keep the set of clubs the user ticked,
// cleared when the class changes.
import { useEffect, useMemo, useState } from "react";
import type { PoolKind } from "@/lib/protocol/pools";
import { api, type PoolSummaryView } from "./api";
import { describeError } from "./fetch-json";

export function usePoolChoice(filter: { kind?: PoolKind; leagueId?: string; initial?: string } = {}) {
  const { kind, leagueId, initial } = filter;
  const [pools, setPools] = useState<PoolSummaryView[] | null>(null);
  const [pool, setPool] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // a stale answer is ignored, not aborted: the console unmounts this form when it switches views,
    // and an aborted request is a failed one in the browser's log
    let stale = false;
    api
      .listPools({ ...(kind ? { kind } : {}), ...(leagueId ? { leagueId } : {}) })
      .then((list) => {
        if (stale) return;
        setPools(list);
        const wanted = list.find((p) => p.pool === initial) ?? list.find((p) => p.pool === "2024") ?? list.at(-1);
        setPool((current) => current || wanted?.pool || "");
      })
      .catch((err: unknown) => {
        if (!stale) setError(describeError(err));
      });
    return () => {
      stale = true;
    };
  }, [kind, leagueId, initial]);

  const selected = pools?.find((p) => p.pool === pool);
  const clubs = useMemo(() => {
    if (!selected) return [];
    const first = new Map<string, number>();
    for (const slot of selected.order) if (!first.has(slot.team_id)) first.set(slot.team_id, slot.overall);
    return [...selected.teams].sort((a, b) => (first.get(a.team_id) ?? 999) - (first.get(b.team_id) ?? 999));
  }, [selected]);

  return {
    pools,
    pool,
    selected,
    clubs,
    chosen,
    /** the class's fetch failed */
    error,
    choosePool(id: string) {
      setPool(id);
      setChosen([]);
    },
    toggle: (teamId: string) =>
      setChosen((list) => (list.includes(teamId) ? list.filter((t) => t !== teamId) : [...list, teamId])),
  };
}
