"use client";
// The "Import a draft class" form's state: the board and order as text (from a
// file, a drop or a paste), the choices, and a dry run against the server
// (POST /api/pools?dry_run=true) after every change, so the preview and every
// problem with its line show before anything is saved.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorIssue } from "@/lib/protocol/errors";
import { BUNDLED_POOL_IDS, DEFAULT_ORDER_FROM, type BundledPoolId } from "@/lib/protocol/pool-import";
import type { ImportedPool, PoolCheck, PositionNeeds } from "@/lib/protocol/pools";
import { adminApi } from "./admin-api";
import { describeError } from "../fetch-json";

/** Wait this long after the last change before checking again. */
const CHECK_DELAY_MS = 400;

export type OrderChoice = BundledPoolId | "upload";

export interface CsvText {
  text: string;
  /** the file it came from, when it was not pasted */
  fileName: string | null;
}

/** The last settled answer of the dry run (a new check keeps it on screen until it answers). */
export type CheckState =
  | { state: "idle" }
  | { state: "ok"; result: Extract<PoolCheck, { ok: true }> }
  | { state: "problems"; message: string; issues: ErrorIssue[] }
  | { state: "failed"; message: string };

const empty: CsvText = { text: "", fileName: null };

/** A class name from a file name: "big-board_2026.csv" → "big board 2026". */
export const nameFromFile = (fileName: string) =>
  fileName
    .replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim()
    .slice(0, 80);

export function useClassImport(onImported: (created: ImportedPool) => void) {
  const [name, setName] = useState("");
  const [board, setBoardState] = useState<CsvText>(empty);
  const [orderChoice, setOrderChoice] = useState<OrderChoice>(DEFAULT_ORDER_FROM);
  const [order, setOrder] = useState<CsvText>(empty);
  const [rounds, setRounds] = useState<number | null>(null);
  const [needsFrom, setNeedsFrom] = useState<BundledPoolId>(DEFAULT_ORDER_FROM);
  /** the whole grid once someone edits it; null = needs_from's */
  const [needs, setNeeds] = useState<PositionNeeds | null>(null);
  const [check, setCheck] = useState<CheckState>({ state: "idle" });
  const [checking, setChecking] = useState(false);
  /** the last class that passed: the needs grid keeps its clubs while a new check runs */
  const [lastGood, setLastGood] = useState<Extract<PoolCheck, { ok: true }> | null>(null);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const latest = useRef(0);

  const body = useCallback(
    () => ({
      name: name.trim() || board.fileName?.replace(/\.[^.]+$/, "") || "Imported class",
      prospects_csv: board.text,
      ...(orderChoice === "upload" ? { order_csv: order.text } : { order_from: orderChoice }),
      ...(rounds !== null ? { rounds } : {}),
      needs_from: needsFrom,
      ...(needs ? { needs } : {}),
    }),
    [name, board, orderChoice, order, rounds, needsFrom, needs],
  );

  // the dry run: only the answer to the latest change is shown
  useEffect(() => {
    const ticket = ++latest.current;
    if (!board.text.trim() || (orderChoice === "upload" && !order.text.trim())) {
      setCheck({ state: "idle" });
      setChecking(false);
      return;
    }
    setChecking(true);
    const timer = window.setTimeout(() => {
      adminApi
        .checkPool(body())
        .then((result) => {
          if (ticket !== latest.current) return;
          if (!result.ok) return setCheck({ state: "problems", message: result.message, issues: result.issues });
          setCheck({ state: "ok", result });
          setLastGood(result);
        })
        .catch(
          (err: unknown) => ticket === latest.current && setCheck({ state: "failed", message: describeError(err) }),
        )
        .finally(() => ticket === latest.current && setChecking(false));
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [body, board.text, orderChoice, order.text]);

  return {
    name,
    setName,
    board,
    setBoard(next: CsvText) {
      setBoardState(next);
      setImportError(null);
      if (next.fileName && !name.trim()) setName(nameFromFile(next.fileName));
    },
    orderChoice,
    chooseOrder(choice: OrderChoice) {
      setOrderChoice(choice);
      // a club's needs usually come with its year's order
      if (choice !== "upload" && !needs) setNeedsFrom(choice);
    },
    order,
    setOrder,
    rounds,
    setRounds,
    needsFrom,
    setNeedsFrom(next: BundledPoolId) {
      setNeedsFrom(next);
      setNeeds(null);
    },
    needs,
    setNeeds,
    check,
    checking,
    lastGood,
    importing,
    importError,
    async submit() {
      setImporting(true);
      setImportError(null);
      try {
        // the view then starts a fresh form
        onImported(await adminApi.importPool(body()));
      } catch (err) {
        setImportError(describeError(err));
        setImporting(false);
      }
    },
  };
}

export const BUNDLED_YEARS: readonly BundledPoolId[] = [...BUNDLED_POOL_IDS].reverse();
