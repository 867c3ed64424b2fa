"use client";
// What both session forms (the lobby's solo mock, the admin console's create
// panel) do with the bundled draft classes: fetch them once, choose 2024 by
// default, list the chosen class's clubs in the order of their first pick
// (how people look for them), and keep the set of clubs the user ticked,
// cleared when the class changes.
import { useEffect, useMemo, useState } from "react";
import { api, type PoolSummaryView } from "./api";
import { describeError } from "./fetch-json";

export function usePoolChoice() {
  const [pools, setPools] = useState<PoolSummaryView[] | null>(null);
  const [pool, setPool] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .listPools(controller.signal)
      .then((list) => {
        setPools(list);
        setPool((current) => current || (list.find((p) => p.pool === "2024") ?? list.at(-1))?.pool || "");
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err));
      });
    return () => controller.abort();
  }, []);

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
    toggle: (teamId: string) => setChosen((list) => (list.includes(teamId) ? list.filter((t) => t !== teamId) : [...list, teamId])),
  };
}
