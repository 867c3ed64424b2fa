"use client";
// The trade centre: offers waiting for your answer first (they expire when a
// pick in them is used), then a proposal builder with chart value bars for
// both sides, then the trade history. CPU teams answer at once; a human team
// answers from its own trade centre.
import { useMemo, useState } from "react";
import type { AckOutcome } from "@/lib/client/emit-ack";
import { chartOfSnapshot, incomingOffers, tradablePicks } from "@/lib/client/room-view";
import { DEFAULT_TRADE_CHART, isTradeChart, packageValue, pickValue } from "@/lib/draft/trade-value";
import type { Snapshot, Trade } from "@/lib/protocol/shapes";
import { TeamChip } from "@/app/_components/team-chip";
import { buttonClass, inputClass, labelClass, MessageLine } from "@/app/_components/ui";
import { formatValue, ValueBars } from "./value-bars";
import { pickLabel as pickLabelOf, picksLabel, tradeOutcomeText, tradeStatusLabel } from "@/lib/client/trade-words";
import { tradeSchema } from "@/lib/protocol/shapes";

interface Props {
  snapshot: Snapshot;
  teamId: string | null;
  onPropose: (to: string, give: number[], receive: number[]) => Promise<AckOutcome>;
  onRespond: (tradeId: string, accept: boolean) => Promise<AckOutcome>;
}

const pickLabel = (snapshot: Snapshot, overall: number) => pickLabelOf(snapshot.order, overall);

/** Done is good news; an offer that lapsed or was withdrawn is nobody's refusal, so it is grey, not red. */
const STATUS_TONE: Record<string, string> = {
  executed: "bg-emerald-900 text-emerald-100",
  pending: "bg-slate-700 text-slate-100",
  declined: "bg-rose-900 text-rose-100",
  below_value: "bg-rose-900 text-rose-100",
  expired: "bg-slate-800 text-slate-300",
  withdrawn: "bg-slate-800 text-slate-300",
};

export function TradeCentre({ snapshot, teamId, onPropose, onRespond }: Props) {
  const rawChart = chartOfSnapshot(snapshot);
  const chart = isTradeChart(rawChart) ? rawChart : DEFAULT_TRADE_CHART;
  const partners = snapshot.teams.filter((t) => t.team_id !== teamId);
  const [partner, setPartner] = useState("");
  const [give, setGive] = useState<number[]>([]);
  const [receive, setReceive] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);

  const mine = teamId ? tradablePicks(snapshot, teamId) : [];
  const theirs = partner ? tradablePicks(snapshot, partner) : [];
  // a pick used (or traded away) since it was ticked is dropped from the offer
  const giveNow = give.filter((o) => mine.some((s) => s.overall === o));
  const receiveNow = receive.filter((o) => theirs.some((s) => s.overall === o));
  const incoming = incomingOffers(snapshot, teamId);
  const history = useMemo(
    () => [...snapshot.trades].reverse().filter((t) => t.status !== "pending" || t.from_team_id === teamId),
    [snapshot.trades, teamId],
  );
  const open = snapshot.status === "running" || snapshot.status === "paused" || snapshot.status === "lobby";

  const toggle = (list: number[], set: (l: number[]) => void, overall: number) =>
    set(list.includes(overall) ? list.filter((o) => o !== overall) : [...list, overall].sort((a, b) => a - b));

  async function propose() {
    setBusy(true);
    setMessage(null);
    const outcome = await onPropose(partner, giveNow, receiveNow);
    setBusy(false);
    if (!outcome.ok) {
      setMessage({ text: outcome.error.message, tone: "error" });
      return;
    }
    // the ack carries the trade as it stands: a CPU GM has already answered, with its reason when it said no
    const trade = tradeSchema.safeParse(outcome.value.trade);
    const partnerName = snapshot.teams.find((t) => t.team_id === partner)?.name ?? partner;
    setMessage(
      trade.success
        ? tradeOutcomeText(trade.data, snapshot.order, partnerName)
        : { text: `Offer sent to ${partnerName}.`, tone: "info" },
    );
    // a turned-down offer stays ticked, to be sweetened and sent again
    if (!trade.success || trade.data.status !== "rejected") {
      setGive([]);
      setReceive([]);
    }
  }

  async function respond(trade: Trade, accept: boolean) {
    const outcome = await onRespond(trade.trade_id, accept);
    setMessage(
      outcome.ok
        ? { text: accept ? "Trade accepted." : "Offer declined.", tone: "info" }
        : { text: outcome.error.message, tone: "error" },
    );
  }

  return (
    <div className="space-y-3 p-3" data-testid="trade-centre">
      {teamId && (
        <section aria-label="Offers for you" className="space-y-2">
          <h3 className={labelClass}>Offers for you ({incoming.length})</h3>
          {incoming.length === 0 && <p className="text-sm text-slate-400">No offers waiting.</p>}
          {incoming.map((trade) => (
            <div
              key={trade.trade_id}
              className="space-y-2 rounded-md border border-amber-500 bg-amber-950/40 p-2"
              data-testid="incoming-offer"
            >
              <p className="text-sm text-slate-50">
                <TeamChip teamId={trade.from_team_id} /> offers{" "}
                {trade.give.map((o) => pickLabel(snapshot, o)).join(" + ")} for your{" "}
                {trade.receive.map((o) => pickLabel(snapshot, o)).join(" + ")}
              </p>
              {/* from your side: you get what they give */}
              <ValueBars
                chart={trade.value?.chart ?? chart}
                give={trade.value?.receive ?? packageValue(chart, trade.receive)}
                receive={trade.value?.give ?? packageValue(chart, trade.give)}
              />
              <div className="flex gap-2">
                <button type="button" className={buttonClass("primary")} onClick={() => void respond(trade, true)}>
                  Accept
                </button>
                <button type="button" className={buttonClass("secondary")} onClick={() => void respond(trade, false)}>
                  Decline
                </button>
              </div>
            </div>
          ))}
        </section>
      )}

      {teamId && open && (
        <section aria-label="Propose a trade" className="space-y-2 border-t border-slate-800 pt-3">
          <h3 className={labelClass}>Propose a trade</h3>
          <label htmlFor="trade-partner" className="sr-only">
            Trade partner
          </label>
          <select
            id="trade-partner"
            className={inputClass}
            value={partner}
            onChange={(e) => {
              setPartner(e.target.value);
              setReceive([]);
            }}
          >
            <option value="">Choose a team…</option>
            {partners.map((t) => (
              <option key={t.team_id} value={t.team_id}>
                {t.team_id} · {t.name}
                {t.controller === "human" ? " (human)" : ""}
              </option>
            ))}
          </select>
          <div className="grid grid-cols-2 gap-2">
            <PickChecklist
              legend="You give"
              picks={mine.map((s) => s.overall)}
              checked={giveNow}
              chart={chart}
              snapshot={snapshot}
              onToggle={(o) => toggle(give, setGive, o)}
            />
            <PickChecklist
              legend={partner ? `You get from ${partner}` : "You get"}
              picks={theirs.map((s) => s.overall)}
              checked={receiveNow}
              chart={chart}
              snapshot={snapshot}
              onToggle={(o) => toggle(receive, setReceive, o)}
            />
          </div>
          <ValueBars chart={chart} give={packageValue(chart, giveNow)} receive={packageValue(chart, receiveNow)} />
          <button
            type="button"
            className={buttonClass("primary", "w-full")}
            disabled={busy || !partner || giveNow.length === 0 || receiveNow.length === 0}
            onClick={() => void propose()}
          >
            {busy ? "Sending…" : "Propose trade"}
          </button>
        </section>
      )}
      <MessageLine message={message?.text ?? null} tone={message?.tone ?? "error"} />

      <section aria-label="Trade history" className="space-y-1 border-t border-slate-800 pt-3">
        <h3 className={labelClass}>Trades ({snapshot.trades.length})</h3>
        {history.length === 0 && <p className="text-sm text-slate-400">No trades yet.</p>}
        <ul className="space-y-1 text-sm">
          {history.map((t) => (
            <li key={t.trade_id} className="flex flex-wrap items-center gap-1.5" data-trade-status={t.status}>
              <TeamChip teamId={t.from_team_id} />
              <span className="text-slate-300">
                {picksLabel(snapshot.order, t.give)} ⇄ {picksLabel(snapshot.order, t.receive)}
              </span>
              <TeamChip teamId={t.to_team_id} />
              <span
                className={`rounded px-1.5 text-xs font-semibold ${STATUS_TONE[t.status === "rejected" ? (t.reason ?? "declined") : t.status]}`}
              >
                {tradeStatusLabel(t)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function PickChecklist({
  legend,
  picks,
  checked,
  chart,
  snapshot,
  onToggle,
}: {
  legend: string;
  picks: number[];
  checked: number[];
  chart: Parameters<typeof pickValue>[0];
  snapshot: Snapshot;
  onToggle: (overall: number) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 truncate text-xs font-semibold text-slate-300">{legend}</legend>
      <div className="h-36 space-y-0.5 overflow-y-auto rounded border border-slate-700 p-1">
        {picks.length === 0 && <p className="p-1 text-xs text-slate-400">No picks</p>}
        {picks.map((overall) => (
          <label key={overall} className="flex min-h-7 items-center gap-1.5 rounded px-1 text-xs hover:bg-slate-800">
            <input
              type="checkbox"
              className="accent-sky-400"
              checked={checked.includes(overall)}
              onChange={() => onToggle(overall)}
              aria-label={`Pick ${overall}`}
            />
            <span className="flex-1 tabular-nums">{pickLabel(snapshot, overall)}</span>
            <span className="tabular-nums text-slate-400">{formatValue(pickValue(chart, overall))}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
