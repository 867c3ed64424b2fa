"use client";
// Import a draft class: the board (file, drop or paste), the order (a bundled
// year's real order or an uploaded one), the rounds and the clubs' needs. The
// server checks it as it changes; Import is offered once the check passes.
import { useState } from "react";
import { BUNDLED_YEARS, useClassImport, type OrderChoice } from "@/lib/client/admin/use-class-import";
import type { BundledPoolId } from "@/lib/protocol/pool-import";
import type { ImportedPool } from "@/lib/protocol/pools";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "@/app/_components/ui";
import { CsvInput } from "./csv-input";
import { ImportCheck } from "./import-check";
import { NeedsGrid } from "./needs-grid";

const BOARD_HINT =
  "rank,name,position,college,grade,height_in,weight_lb,forty,notes\n1,Jane Doe,QB,State,95.5,74,215,4.62,Accurate on the move";
const ORDER_HINT = "overall,round,team_id,original_team_id\n1,1,CHI,CHI\n2,1,WAS,WAS";

export function ImportClassForm({ onImported }: { onImported: (created: ImportedPool) => void }) {
  const form = useClassImport(onImported);
  const [needsOpen, setNeedsOpen] = useState(false);
  const { check } = form;
  const ready = check.state === "ok" && !form.checking;
  const busy = form.importing;

  return (
    <Panel title="Import a draft class">
      <form
        className="space-y-3 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void form.submit();
        }}
      >
        <p className="text-sm text-slate-300">
          Bring any class: a big board as CSV (a header line, then one prospect a line), the order it is drafted in, and
          what each club needs. Nothing is saved until you import.
        </p>
        <div>
          <label htmlFor="ic-name" className={labelClass}>
            Name
          </label>
          <input
            id="ic-name"
            className={inputClass}
            maxLength={80}
            placeholder="2026 big board"
            value={form.name}
            disabled={busy}
            onChange={(e) => form.setName(e.target.value)}
          />
        </div>
        <CsvInput
          label="Board (CSV)"
          hint={BOARD_HINT}
          value={form.board}
          onChange={form.setBoard}
          disabled={busy}
          testId="board-input"
        />
        <div className="grid gap-2 sm:grid-cols-3">
          <div>
            <label htmlFor="ic-order" className={labelClass}>
              Draft order
            </label>
            <select
              id="ic-order"
              className={inputClass}
              value={form.orderChoice}
              disabled={busy}
              onChange={(e) => form.chooseOrder(e.target.value as OrderChoice)}
            >
              {BUNDLED_YEARS.map((year) => (
                <option key={year} value={year}>
                  Real {year} order
                </option>
              ))}
              <option value="upload">Upload an order…</option>
            </select>
          </div>
          <div>
            <label htmlFor="ic-rounds" className={labelClass}>
              Rounds
            </label>
            <select
              id="ic-rounds"
              className={inputClass}
              value={form.rounds ?? ""}
              disabled={busy}
              onChange={(e) => form.setRounds(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">All in the order</option>
              {[1, 2, 3, 4, 5, 6, 7].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="ic-needs-from" className={labelClass}>
              Needs from
            </label>
            <select
              id="ic-needs-from"
              className={inputClass}
              value={form.needsFrom}
              disabled={busy}
              onChange={(e) => form.setNeedsFrom(e.target.value as BundledPoolId)}
            >
              {BUNDLED_YEARS.map((year) => (
                <option key={year} value={year}>
                  {year} clubs
                </option>
              ))}
            </select>
          </div>
        </div>
        {form.orderChoice === "upload" && (
          <CsvInput
            label="Order (CSV)"
            hint={ORDER_HINT}
            value={form.order}
            onChange={form.setOrder}
            disabled={busy}
            testId="order-input"
          />
        )}

        <section
          aria-label="What the server says"
          className="min-h-16 rounded-md border border-slate-800 bg-slate-950/60 p-2"
        >
          <ImportCheck check={check} checking={form.checking} />
        </section>

        <div>
          <button
            type="button"
            className={buttonClass("secondary")}
            aria-expanded={needsOpen}
            disabled={!form.lastGood}
            onClick={() => setNeedsOpen((open) => !open)}
          >
            {needsOpen ? "Hide team needs" : "Edit team needs"}
          </button>
          {form.needs && (
            <button
              type="button"
              className={buttonClass("secondary", "ml-2")}
              disabled={busy}
              onClick={() => form.setNeeds(null)}
            >
              Reset to {form.needsFrom} needs
            </button>
          )}
          {needsOpen && form.lastGood && (
            <div className="mt-2 space-y-1">
              <p className="text-xs text-slate-400">
                0 = no need, 1 = the most pressing. A club drafts toward its open needs; each pick at a position fills
                that need.
              </p>
              <NeedsGrid
                needs={form.needs ?? form.lastGood.needs}
                teams={form.lastGood.teams}
                onChange={form.setNeeds}
                disabled={busy}
              />
            </div>
          )}
        </div>

        <button type="submit" className={buttonClass("primary", "w-full")} disabled={!ready || busy}>
          {busy ? "Importing…" : ready ? `Import ${check.result.players} prospects` : "Import"}
        </button>
        <MessageLine message={form.importError} />
      </form>
    </Panel>
  );
}
