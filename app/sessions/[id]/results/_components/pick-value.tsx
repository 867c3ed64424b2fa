// A pick's value against the board: + (a steal: the player came later than his rank), − (a reach), or even.
export function PickValue({ value }: { value: number }) {
  const tone = value > 0 ? "text-emerald-300" : value < 0 ? "text-rose-300" : "text-slate-400";
  const words = value > 0 ? `a steal of ${value}` : value < 0 ? `a reach of ${-value}` : "at his board rank";
  return (
    <span className={`text-right text-xs tabular-nums ${tone}`} title={`Against the board: ${words}`}>
      {value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0"}
      <span className="sr-only"> ({words})</span>
    </span>
  );
}
