"use client";
// The trade centre: offers waiting for your answer first (they expire when a
// pick in them is used), shopping the pick you are on the clock with, then a
// proposal builder (this draft's picks and the next two drafts') with chart
// value bars for both sides, a CPU GM's counter-offer to send in one click,
// then the trade history. CPU teams answer at once; a human team answers from
// its own trade centre.
import { useEffect, useMemo, useRef, useState } from "react";
import type { AckOutcome } from "@/lib/client/emit-ack";
import type { TradeOffer } from "@/lib/client/room-client";
import { chartOfSnapshot, incomingOffers, tradablePicks } from "@/lib/client/room-view";
import { futureKey, ownedFuturePicks } from "@/lib/draft/future-picks";
import { DEFAULT_TRADE_CHART, futurePickValue, isTradeChart, packageValue, pickValue } from "@/lib/draft/trade-value";
import type { FuturePick, Snapshot, Trade, TradeTerms } from "@/lib/protocol/shapes";
import { TeamChip } from "@/app/_components/team-chip";
import { buttonClass, inputClass, labelClass, MessageLine } from "@/app/_components/ui";
import { formatValue, ValueBars } from "./value-bars";
import {
  futurePickLabel,
  pickLabel as pickLabelOf,
  picksLabel,
  tradeOutcomeText,
  tradeSides,
  tradeStatusLabel,
} from "@/lib/client/trade-words";
import { tradeSchema } from "@/lib/protocol/shapes";

interface Props {
  snapshot: Snapshot;
  teamId: string | null;
  onPropose: (to: string, terms: TradeOffer) => Promise<AckOutcome>;
  onRespond: (tradeId: string, accept: boolean) => Promise<AckOutcome>;
  /** this seat is on the clock: it may ask CPU GMs what they would give for the pick */
  onShop?: () => Promise<AckOutcome>;
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

export function TradeCentre({ snapshot, teamId, onPropose, onRespond, onShop }: Props) {
  const rawChart = chartOfSnapshot(snapshot);
  const chart = isTradeChart(rawChart) ? rawChart : DEFAULT_TRADE_CHART;
  const partners = snapshot.teams.filter((t) => t.team_id !== teamId);
  const [partner, setPartner] = useState("");
  const [give, setGive] = useState<number[]>([]);
  const [receive, setReceive] = useState<number[]>([]);
  const [giveFuture, setGiveFuture] = useState<string[]>([]);
  const [receiveFuture, setReceiveFuture] = useState<string[]>([]);
  /** a CPU GM's answer to a lowball: the package it would take, to send as is */
  const [counter, setCounter] = useState<{ partner: string; terms: TradeTerms } | null>(null);
  // the panel scrolls: bring a fresh counter-offer into view, where its one-click button is
  const counterBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (counter) counterBox.current?.scrollIntoView({ block: "nearest" });
  }, [counter]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);

  const mine = teamId ? tradablePicks(snapshot, teamId) : [];
  const theirs = partner ? tradablePicks(snapshot, partner) : [];
  // a pick used (or traded away) since it was ticked is dropped from the offer
  const giveNow = give.filter((o) => mine.some((s) => s.overall === o));
  const receiveNow = receive.filter((o) => theirs.some((s) => s.overall === o));
  const owners = snapshot.future_picks ?? [];
  const myFuture = teamId ? ownedFuturePicks(owners, teamId) : [];
  const theirFuture = partner ? ownedFuturePicks(owners, partner) : [];
  const giveFutureNow = myFuture.filter((p) => giveFuture.includes(futureKey(p)));
  const receiveFutureNow = theirFuture.filter((p) => receiveFuture.includes(futureKey(p)));
  const teams = snapshot.teams.length;
  const sideValue = (picks: number[], futures: FuturePick[]) =>
    packageValue(chart, picks) + futures.reduce((sum, p) => sum + futurePickValue(chart, p, teams), 0);
  const somethingMoves = giveNow.length + receiveNow.length + giveFutureNow.length + receiveFutureNow.length > 0;
  const incoming = incomingOffers(snapshot, teamId);
  const history = useMemo(
    () => [...snapshot.trades].reverse().filter((t) => t.status !== "pending" || t.from_team_id === teamId),
    [snapshot.trades, teamId],
  );
  const open = snapshot.status === "running" || snapshot.status === "paused" || snapshot.status === "lobby";

  const toggle = (list: number[], set: (l: number[]) => void, overall: number) =>
    set(list.includes(overall) ? list.filter((o) => o !== overall) : [...list, overall].sort((a, b) => a - b));

  async function propose(to: string, terms: TradeOffer) {
    setBusy(true);
    setMessage(null);
    setCounter(null);
    const outcome = await onPropose(to, terms);
    setBusy(false);
    if (!outcome.ok) {
      setMessage({ text: outcome.error.message, tone: "error" });
      return;
    }
    // the ack carries the trade as it stands: a CPU GM has already answered, with its reason when it said no
    const trade = tradeSchema.safeParse(outcome.value.trade);
    const partnerName = snapshot.teams.find((t) => t.team_id === to)?.name ?? to;
    setMessage(
      trade.success
        ? tradeOutcomeText(trade.data, snapshot.order, partnerName)
        : { text: `Offer sent to ${partnerName}.`, tone: "info" },
    );
    if (trade.success && trade.data.counter) setCounter({ partner: to, terms: trade.data.counter });
    // a turned-down offer stays ticked, to be sweetened and sent again
    if (!trade.success || trade.data.status !== "rejected") {
      setGive([]);
      setReceive([]);
      setGiveFuture([]);
      setReceiveFuture([]);
    }
  }

  async function shop() {
    if (!onShop) return;
    setBusy(true);
    setMessage(null);
    const outcome = await onShop();
    setBusy(false);
    if (!outcome.ok) {
      setMessage({ text: outcome.error.message, tone: "error" });
      return;
    }
    const offers = Array.isArray(outcome.value.trades) ? outcome.value.trades.length : 0;
    setMessage(
      offers
        ? {
            text: `${offers} team${offers === 1 ? " wants" : "s want"} your pick: their offers are above.`,
            tone: "info",
          }
        : { text: "No team wants to move up to your pick right now.", tone: "info" },
    );
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
                <TeamChip teamId={trade.from_team_id} /> offers {tradeSides(snapshot.order, trade).gave} for your{" "}
                {tradeSides(snapshot.order, trade).got}
              </p>
              {/* from your side: you get what they give */}
              <ValueBars
                chart={trade.value?.chart ?? chart}
                give={trade.value?.receive ?? sideValue(trade.receive, trade.receive_future ?? [])}
                receive={trade.value?.give ?? sideValue(trade.give, trade.give_future ?? [])}
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

      {teamId && onShop && (
        <section aria-label="Shop your pick" className="space-y-1 border-t border-slate-800 pt-3">
          <button
            type="button"
            className={buttonClass("secondary", "w-full")}
            disabled={busy}
            onClick={() => void shop()}
          >
            Shop this pick: ask CPU teams for offers
          </button>
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
              setReceiveFuture([]);
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
              futures={myFuture}
              checkedFutures={giveFuture}
              chart={chart}
              snapshot={snapshot}
              onToggle={(o) => toggle(give, setGive, o)}
              onToggleFuture={(key) => setGiveFuture(toggleKey(giveFuture, key))}
            />
            <PickChecklist
              legend={partner ? `You get from ${partner}` : "You get"}
              picks={theirs.map((s) => s.overall)}
              checked={receiveNow}
              futures={theirFuture}
              checkedFutures={receiveFuture}
              chart={chart}
              snapshot={snapshot}
              onToggle={(o) => toggle(receive, setReceive, o)}
              onToggleFuture={(key) => setReceiveFuture(toggleKey(receiveFuture, key))}
            />
          </div>
          <ValueBars
            chart={chart}
            give={sideValue(giveNow, giveFutureNow)}
            receive={sideValue(receiveNow, receiveFutureNow)}
          />
          <button
            type="button"
            className={buttonClass("primary", "w-full")}
            disabled={busy || !partner || !somethingMoves}
            onClick={() =>
              void propose(partner, {
                give: giveNow,
                receive: receiveNow,
                give_future: giveFutureNow,
                receive_future: receiveFutureNow,
              })
            }
          >
            {busy ? "Sending…" : "Propose trade"}
          </button>
        </section>
      )}
      {counter && (
        <div
          ref={counterBox}
          className="space-y-2 rounded-md border border-sky-700 bg-sky-950/40 p-2"
          data-testid="counter-offer"
        >
          <p className="text-sm text-slate-50">
            <TeamChip teamId={counter.partner} /> would take {tradeSides(snapshot.order, counter.terms).gave} for{" "}
            {tradeSides(snapshot.order, counter.terms).got}.
          </p>
          <button
            type="button"
            className={buttonClass("primary", "w-full")}
            disabled={busy}
            onClick={() => void propose(counter.partner, counter.terms)}
          >
            Send their counter-offer
          </button>
        </div>
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
                {picksLabel(snapshot.order, t.give, t.give_future)} ⇄{" "}
                {picksLabel(snapshot.order, t.receive, t.receive_future)}
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

const toggleKey = (keys: string[], key: string) =>
  keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key];

function PickChecklist({
  legend,
  picks,
  checked,
  futures,
  checkedFutures,
  chart,
  snapshot,
  onToggle,
  onToggleFuture,
}: {
  legend: string;
  picks: number[];
  checked: number[];
  futures: FuturePick[];
  checkedFutures: string[];
  chart: Parameters<typeof pickValue>[0];
  snapshot: Snapshot;
  onToggle: (overall: number) => void;
  onToggleFuture: (key: string) => void;
}) {
  const row = "flex min-h-7 items-center gap-1.5 rounded px-1 text-xs hover:bg-slate-800";
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 truncate text-xs font-semibold text-slate-300">{legend}</legend>
      <div className="h-44 space-y-0.5 overflow-y-auto rounded border border-slate-700 p-1">
        {picks.length === 0 && futures.length === 0 && <p className="p-1 text-xs text-slate-400">No picks</p>}
        {picks.map((overall) => (
          <label key={overall} className={row}>
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
        {futures.length > 0 && (
          <p className="px-1 pt-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Future picks</p>
        )}
        {futures.map((pick) => (
          <label key={futureKey(pick)} className={row}>
            <input
              type="checkbox"
              className="accent-sky-400"
              checked={checkedFutures.includes(futureKey(pick))}
              onChange={() => onToggleFuture(futureKey(pick))}
              aria-label={futurePickLabel(pick)}
            />
            <span className="flex-1">{futurePickLabel(pick)}</span>
            <span className="tabular-nums text-slate-400">
              {formatValue(futurePickValue(chart, pick, snapshot.teams.length))}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
