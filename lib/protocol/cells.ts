// Fields that read the same from JSON and from a CSV cell: a JSON number or a
// cell's text ("74", " 4.52 "), an absent key or an empty cell. Each failure
// is a sentence a commissioner can act on, naming the value that was wrong.
import { z } from "zod";

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** How a value looked, for a message: short, quoted when it was text. */
export function shown(value: unknown): string {
  const text =
    typeof value === "string"
      ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
      : JSON.stringify(value);
  return text ?? String(value);
}

type Read<T> = { value: T } | { error: string };

/** A field's required and optional forms from one reader of a present value. */
function field<T>(label: string, read: (value: unknown) => Read<T>) {
  const present = (value: unknown, ctx: z.RefinementCtx): T => {
    const result = read(value);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.value;
  };
  return {
    required: z.unknown().transform((value, ctx): T => {
      if (!blank(value)) return present(value, ctx);
      ctx.addIssue({ code: "custom", message: `${label} is missing` });
      return z.NEVER;
    }),
    // .optional() marks the key as one that may be absent, which zod checks against the output
    optional: z
      .unknown()
      .transform((value, ctx): T | undefined => (blank(value) ? undefined : present(value, ctx)))
      .optional(),
  };
}

function text(label: string, max: number) {
  return field(label, (value): Read<string> => {
    if (typeof value !== "string") return { error: `${label} must be text, not ${shown(value)}` };
    const trimmed = value.trim();
    return trimmed.length > max
      ? { error: `${label} is ${trimmed.length} characters long; at most ${max}` }
      : { value: trimmed };
  });
}

export const requiredText = (label: string, max: number) => text(label, max).required;
export const optionalText = (label: string, max: number) => text(label, max).optional;

interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  /** reads a cell's text when it is not a plain number (e.g. a height written 6-2) */
  read?: (text: string) => number | null;
  /** says what the field takes, when the range alone does not */
  hint?: string;
}

function number(label: string, rule: NumberRule) {
  const expected = rule.hint ?? `${rule.integer ? "a whole number" : "a number"} from ${rule.min} to ${rule.max}`;
  return field(label, (value): Read<number> => {
    let parsed: number | null = null;
    if (typeof value === "number") parsed = value;
    else if (typeof value === "string") {
      const trimmed = value.trim();
      parsed = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : (rule.read?.(trimmed) ?? null);
    }
    const ok =
      parsed !== null &&
      Number.isFinite(parsed) &&
      (!rule.integer || Number.isInteger(parsed)) &&
      parsed >= rule.min &&
      parsed <= rule.max;
    return ok ? { value: parsed as number } : { error: `${label} must be ${expected}, not ${shown(value)}` };
  });
}

export const requiredNumber = (label: string, rule: NumberRule) => number(label, rule).required;
export const optionalNumber = (label: string, rule: NumberRule) => number(label, rule).optional;

/** A field read through a lookup (a position, a club), with the sentence to say when the lookup fails. */
export function lookupField<T>(label: string, lookup: (text: string) => T | null, explain: string) {
  return field(label, (value): Read<T> => {
    const found = typeof value === "string" ? lookup(value) : null;
    return found === null ? { error: `${label} ${shown(value)} ${explain}` } : { value: found };
  });
}

/** Heights as boards write them: 74, 6-2, 6'2", 6' 2.5" (feet and inches) → inches. */
export function readHeight(text: string): number | null {
  const match = /^(\d)\s*(?:-|'|’|ft\.?)\s*(\d{1,2}(?:\.\d+)?)\s*(?:"|”|''|in\.?)?$/i.exec(text);
  if (!match) return null;
  const inches = Number(match[2]);
  return inches < 12 ? Number(match[1]) * 12 + inches : null;
}
