// Every error a person reads, in one place: the server's contract codes and
// the schema's field issues turned into plain sentences. The server's own
// messages are written for clients and logs ("a league admin key is
// required", "Too small: expected string to have >=1 characters"); the
// browser shows these words instead. Pure, so it is tested without a page.
import type { ErrorIssue } from "@/lib/protocol/errors";

/** A field as a person calls it, by its name in the contract (the last part of an issue's path). */
const FIELDS: Record<string, string> = {
  name: "a name",
  display_name: "your name",
  admin_key: "the admin key",
  rounds: "the number of rounds",
  seconds_per_pick: "the seconds per pick",
  cpu_delay_ms: "the CPU delay",
  human_teams: "the human seats",
  pool: "a draft class",
  trade_chart: "a trade chart",
  seat_access: "who may take a seat",
  player_id: "a player",
  team_id: "a team",
  session_id: "a draft",
};

const SCHEMA_MESSAGE = "the payload does not match its schema";

/** Server messages that are right but not how a person would say it, by their exact text. */
const MESSAGES: Record<string, string> = {
  "a league admin key is required": "That admin key is not right. Check it and try again.",
  "this admin key belongs to another league": "That admin key is for another league.",
  "this admin key was replaced a moment ago": "The admin key was just replaced. Sign in with the new key.",
  "unknown token": "This seat link is not valid any more. Ask the league admin for a new one, or watch instead.",
  "this seat token is for another session": "This seat link is for another draft.",
  "join the session first": "The room is still joining. Try again in a moment.",
  "spectators cannot change the draft": "You are watching this draft, so you cannot change it.",
  "only the league admin may do this": "Only the league admin can do that.",
  [SCHEMA_MESSAGE]: "Something in that request was not right. Check it and try again.",
  "the body is not valid JSON": "Something in that request was not right. Try again.",
  "something went wrong on the server": "Something went wrong on the server. Try again.",
};

/** Said when a code comes with a message no one should read as it is. */
const BY_CODE: Record<string, string> = {
  invalid_payload: "Something in that request was not right. Check it and try again.",
  unauthorized: "That key or link is not right.",
  forbidden: "You are not allowed to do that here.",
  not_found: "That could not be found. It may have been deleted.",
  conflict: "That changed a moment ago. Try again.",
  invalid_state: "That cannot be done right now.",
  rate_limited: "Too many requests at once. Wait a moment and try again.",
  internal: "Something went wrong on the server. Try again.",
  disconnected: "Not connected to the server. It will reconnect on its own.",
  timeout: "The server did not answer in time. Try again.",
  bad_response: "The server's answer could not be read. Reload the page.",
};

const fieldOf = (path: ErrorIssue["path"]): string => {
  const parts = (Array.isArray(path) ? path : String(path).split(".")).filter((p) => typeof p === "string");
  const last = parts.at(-1);
  return last ? (FIELDS[last] ?? last.replace(/_/g, " ")) : "";
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (text: string) => {
  const t = capital(text.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

/** One field issue as a sentence: "Enter a name", "The number of rounds can be at most 7". */
export function issueWords(issue: Pick<ErrorIssue, "path" | "message">): string {
  const field = fieldOf(issue.path);
  const what = field.replace(/^(a|an|your|the) /, "");
  const the = field ? `${capital(field.replace(/^(a|an) /, "the "))}` : "This value";
  const text = issue.message;
  // zod 4's words: "Too small: expected string to have >=1 characters", "Too big: expected number to be <=7"
  const small = /too small: expected (string|array|number|set)[^<>=]*>=?\s*(\d+(?:\.\d+)?)/i.exec(text);
  if (small) {
    const [, kind, bound] = small;
    if ((kind === "string" || kind === "array" || kind === "set") && Number(bound) <= 1)
      return field ? (kind === "string" ? `Enter ${field}` : `Choose ${field}`) : "This cannot be empty";
    if (kind === "string") return `${the} needs at least ${bound} characters`;
    if (kind === "array" || kind === "set") return `Choose at least ${bound} for ${what || "this"}`;
    return `${the} must be at least ${bound}`;
  }
  const big = /too big: expected (string|array|number|set)[^<>=]*<=?\s*(\d+(?:\.\d+)?)/i.exec(text);
  if (big) {
    const [, kind, bound] = big;
    if (kind === "string") return `${the} can be at most ${bound} characters`;
    if (kind === "array" || kind === "set") return `Choose at most ${bound} for ${what || "this"}`;
    return `${the} can be at most ${bound}`;
  }
  if (/expected int/i.test(text)) return `${the} must be a whole number`;
  if (/invalid input: expected (string|number|array|object)/i.test(text))
    return field ? `Enter ${field}` : "A value is missing";
  if (/invalid option|invalid enum/i.test(text)) return `Choose one of the offered values for ${what || "this"}`;
  if (/unrecognized key/i.test(text)) return "The request had a field the server does not know";
  // a message a schema wrote for people (a class import's "rank must be 1 or more") is kept as it is
  return field && !text.toLowerCase().includes(what.toLowerCase()) ? `${capital(what)}: ${text}` : capital(text);
}

/** Several issues as one line. */
export function issuesInWords(issues: readonly Pick<ErrorIssue, "path" | "message">[]): string {
  return issues.map((issue) => sentence(issueWords(issue))).join(" ");
}

/**
 * What to show for an error from the server or the connection: its field
 * issues as sentences, a known message in better words, a message written for
 * people (the engine's "it is not your turn") as a sentence, and otherwise the
 * code's own sentence.
 */
export function errorWords(error: { code: string; message?: string; issues?: readonly ErrorIssue[] }): string {
  const message = error.message?.trim() ?? "";
  // the schema's refusal says which fields; a class import's message ("3 problems; nothing was saved") stays
  if (message === SCHEMA_MESSAGE && error.issues?.length) return issuesInWords(error.issues.slice(0, 3));
  const known = MESSAGES[message];
  if (known) return known;
  // a zod message or a path-prefixed one never reaches a person as it is
  if (!message || /expected \w+ to|too (small|big):|^[\w.]+: /i.test(message))
    return BY_CODE[error.code] ?? BY_CODE.internal!;
  return sentence(message);
}
