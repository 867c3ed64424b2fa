// Secrets never reach a log line or an error body: values under secret-looking
// keys are replaced, and anything shaped like an admin key or seat token is
// masked wherever it appears in a string.
const SECRET_KEYS = /^(token|admin_key|authorization|cookie|set-cookie|password|secret)$/i;
/** adm_… and seat_… secrets (and any prefix of one a client might send) */
const SECRET_VALUE = /\b(adm|seat)_[A-Za-z0-9_-]*/g;
const MAX_DEPTH = 6;

export const REDACTED = "[redacted]";

export function redactText(text: string): string {
  return text.replace(SECRET_VALUE, (_, prefix: string) => `${prefix}_${REDACTED}`);
}

/** A copy of `value` safe to log: secret keys blanked, secret-shaped strings masked, depth bounded. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[nested]";
  if (value instanceof Error) return redactText(value.message);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, 50)) {
    // a key itself may be hostile: keep it printable and short
    const safeKey = redactText(key).slice(0, 64);
    out[safeKey] = SECRET_KEYS.test(key) ? REDACTED : redact(item, depth + 1);
  }
  return out;
}
