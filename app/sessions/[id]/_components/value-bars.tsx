// Two bars on one scale: what you give and what you get, on the session's
// trade chart, so a lopsided offer is obvious before it is sent.
export function formatValue(value: number): string {
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

export function ValueBars({ chart, give, receive }: { chart: string; give: number; receive: number }) {
  const scale = Math.max(give, receive, 1);
  const diff = receive - give;
  const verdict =
    give === 0 && receive === 0
      ? ""
      : diff >= 0
        ? `you gain ${formatValue(diff)}`
        : `you pay ${formatValue(-diff)} extra`;
  return (
    <div
      className="space-y-1 text-xs"
      data-testid="value-bars"
      aria-label={`Trade value on the ${chart} chart: you give ${formatValue(give)}, you get ${formatValue(receive)}`}
      role="img"
    >
      <Bar label="Give" value={give} scale={scale} color="bg-rose-400" />
      <Bar label="Get" value={receive} scale={scale} color="bg-emerald-400" />
      <p className="h-4 text-slate-400">
        {chart} chart{verdict ? ` · ${verdict}` : ""}
      </p>
    </div>
  );
}

function Bar({ label, value, scale, color }: { label: string; value: number; scale: number; color: string }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-8 shrink-0 text-slate-300">{label}</span>
      <span className="h-2.5 flex-1 overflow-hidden rounded bg-slate-800">
        <span className={`block h-full rounded ${color}`} style={{ width: `${(value / scale) * 100}%` }} />
      </span>
      <span className="w-12 shrink-0 text-right tabular-nums text-slate-200">{formatValue(value)}</span>
    </div>
  );
}
