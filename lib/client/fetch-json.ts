// The browser's one fetch helper (lobby, room, admin console, replay, results): JSON in,
// zod-checked JSON out, and every failure turned into one error the UI can
// show. Same-origin credentials send the admin's httpOnly cookie, so the
// console never needs the key itself after sign-in.
import type { z } from "zod";
import type { ErrorIssue } from "@/lib/protocol/errors";
import { errorWords } from "./error-words";

export class HttpError extends Error {
  readonly serverMessage: string;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** what was wrong with the request, field by field (an import's: with file lines) */
    readonly issues: ErrorIssue[] = [],
  ) {
    // what a person reads (lib/client/error-words.ts); the server's own text stays in `serverMessage`
    super(errorWords({ code, message, issues }));
    this.name = "HttpError";
    this.serverMessage = message;
  }
}

interface JsonInit {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** sent as a Bearer credential, which the server prefers to the admin cookie (a solo mock's own league) */
  adminKey?: string;
}

export async function fetchJson<S extends z.ZodType>(
  schema: S,
  path: string,
  init: JsonInit = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {
    ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    ...(init.adminKey ? { Authorization: `Bearer ${init.adminKey}` } : {}),
  };
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      credentials: "same-origin",
      cache: "no-store",
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new HttpError(0, "disconnected", "Could not reach the server.");
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
    const message = typeof error?.message === "string" ? error.message : `Request failed (HTTP ${response.status}).`;
    const issues = Array.isArray(error?.issues) ? (error.issues as ErrorIssue[]) : [];
    throw new HttpError(response.status, typeof error?.code === "string" ? error.code : "internal", message, issues);
  }
  const parsed = schema.safeParse(json);
  // a contract drift shows as a clear message instead of a half-drawn page
  if (!parsed.success)
    throw new HttpError(response.status, "bad_response", "The server's answer did not match the contract.");
  return parsed.data;
}

/** A message for anything `fetchJson` (or a caller) threw. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return "Something went wrong.";
}
