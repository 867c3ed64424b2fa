"use client";
// A commissioner's trade: any two teams, any of their picks not yet made;
// it executes at once and the live board shows the new owners.
import { useMemo, useState, type FormEvent } from "react";
import { adminApi } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import { tradablePicks } from "@/lib/client/room-view";
import type { Slot, Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, inputClass, labelClass, MessageLine, Panel } from "@/app/_components/ui";

export function TradeDesk({ sessionId, snapshot }: { sessionId: string; snapshot: Snapshot }) {
  const teamIds = useMemo(() => snapshot.teams.map((t) => t.team_id).sort(), [snapshot.teams]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [give, setGive] = useState<number[]>([]);
  const [receive, setReceive] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const { trade } = await adminApi.trade(sessionId, { from_team_id: from, to_team_id: to, give, receive });
      const value = trade.value ? ` (${trade.value.chart}: ${trade.value.give} for ${trade.value.receive})` : "";
      setMessage({ text: `Trade ${trade.status}: ${from} → ${to}${value}`, tone: "info" });
      setGive([]);
      setReceive([]);
    } catch (err) {
      setMessage({ text: describeError(err), tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  const ready = from && to && from !== to && give.length > 0 && receive.length > 0 && snapshot.status !== "complete";

  return (
    <Panel title="Trade between teams">
      <form className="space-y-2 p-3" onSubmit={(e) => void submit(e)}>
        <div className="grid grid-cols-2 gap-2">
          <TeamSelect
            id="trade-from"
            label="Team A gives"
            value={from}
            teams={teamIds}
            onChange={(t) => {
              setFrom(t);
              setGive([]);
            }}
          />
          <TeamSelect
            id="trade-to"
            label="Team B gives"
            value={to}
            teams={teamIds}
            onChange={(t) => {
              setTo(t);
              setReceive([]);
            }}
          />
          <SlotChecks
            legend={`${from || "A"} sends`}
            slots={from ? tradablePicks(snapshot, from) : []}
            chosen={give}
            onChange={setGive}
          />
          <SlotChecks
            legend={`${to || "B"} sends`}
            slots={to ? tradablePicks(snapshot, to) : []}
            chosen={receive}
            onChange={setReceive}
          />
        </div>
        <button type="submit" className={buttonClass("primary", "w-full")} disabled={busy || !ready}>
          Execute trade
        </button>
        <MessageLine message={message?.text ?? null} tone={message?.tone ?? "error"} />
      </form>
    </Panel>
  );
}

function TeamSelect({
  id,
  label,
  value,
  teams,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  teams: string[];
  onChange: (team: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Team…</option>
        {teams.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}

function SlotChecks({
  legend,
  slots,
  chosen,
  onChange,
}: {
  legend: string;
  slots: Slot[];
  chosen: number[];
  onChange: (picks: number[]) => void;
}) {
  const toggle = (overall: number) =>
    onChange(chosen.includes(overall) ? chosen.filter((o) => o !== overall) : [...chosen, overall]);
  return (
    <fieldset className="min-w-0">
      <legend className={labelClass}>{legend}</legend>
      <div className="h-28 space-y-0.5 overflow-y-auto rounded-md border border-slate-700 p-1 text-sm">
        {slots.map((slot) => (
          <label key={slot.overall} className="flex min-h-7 items-center gap-1.5 rounded px-1 hover:bg-slate-800">
            <input
              type="checkbox"
              className="accent-sky-400"
              checked={chosen.includes(slot.overall)}
              onChange={() => toggle(slot.overall)}
            />
            #{slot.overall} <span className="text-slate-400">R{slot.round}</span>
          </label>
        ))}
        {slots.length === 0 && <p className="px-1 text-slate-400">No open picks</p>}
      </div>
    </fieldset>
  );
}
