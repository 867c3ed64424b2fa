// Seeded generators of hostile input: the same seed gives the same 10,000
// socket messages on every run (HTTP requests: http-fuzz.ts, from the same
// generators).
import { mulberry32 } from "../../../lib/draft/rng";

export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => "0123456789abcdef"[int(16)]).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, chance, uuid };
}
export type Rng = ReturnType<typeof prng>;

const EVIL_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
];
export const EVIL_STRINGS = [
  "",
  " ",
  "\u0000",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "${jndi:ldap://x}",
  "%00",
  "\ud800",
  "🏈".repeat(20),
  "adm_guess",
  "seat_guess",
  "seat_" + "A".repeat(43),
  "adm_" + "A".repeat(43),
  "NaN",
  "null",
  "[object Object]",
  "__proto__",
];
export const EVIL_NUMBERS = [
  0,
  -1,
  1,
  1.5,
  -0,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  0.1,
  1000,
  1001,
  2147483648,
];

export function garbage(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 6 : 10)) {
    case 0:
      return null;
    case 1:
      return rng.pick(EVIL_NUMBERS);
    case 2:
      return rng.pick(EVIL_STRINGS);
    case 3:
      return rng.chance(0.5);
    case 4:
      return "x".repeat(rng.int(3000));
    case 5:
      return rng.int(1e9) - 5e8;
    case 6:
      return Array.from({ length: rng.int(5) }, () => garbage(rng, depth + 1));
    case 7: {
      const obj: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--)
        obj[rng.pick([...EVIL_KEYS, "session_id", "token", "a", "team_id"])] = garbage(rng, depth + 1);
      return obj;
    }
    case 8:
      return deep(rng.int(1000) + 10, rng.chance(0.5));
    default:
      return Array.from({ length: rng.int(8000) }, () => rng.int(1000));
  }
}

/** Nesting as deep as asked, as arrays or objects. */
export function deep(levels: number, arrays: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = arrays ? [value] : { a: value };
  return value;
}

/** An object whose own "__proto__" / "constructor" keys are data, as JSON.parse makes them. */
export function pollute(base: Record<string, unknown>, rng: Rng): Record<string, unknown> {
  const key = rng.pick(EVIL_KEYS);
  return JSON.parse(
    JSON.stringify(base).replace(/^\{/, `{"${key}":{"polluted":true,"role":"admin"},`).replace(/,\}$/, "}"),
  );
}

export const SOCKET_EVENTS = [
  "join_session",
  "leave_session",
  "make_pick",
  "set_queue",
  "propose_trade",
  "respond_trade",
  "admin_action",
  "ping",
  "send_chat",
  "shop_pick",
] as const;

/** A well-formed payload for an event, aimed at the session under attack or a random one. */
export function template(rng: Rng, event: string, sessionId: string): Record<string, unknown> {
  const session_id = rng.chance(0.7) ? sessionId : rng.uuid();
  const team = rng.pick(["CHI", "WAS", "KC", "NE", "ZZZ"]);
  switch (event) {
    case "join_session":
      return {
        session_id,
        ...(rng.chance(0.6) ? { token: rng.pick(EVIL_STRINGS.filter(Boolean)) } : {}),
        ...(rng.chance(0.3) ? { last_seq: rng.int(50) } : {}),
      };
    case "leave_session":
      return { session_id };
    case "make_pick":
      return {
        session_id,
        team_id: team,
        player_id: rng.pick(["WillCa03", "MayeDr00", "nobody", "x"]),
        expected_overall: rng.int(70) + 1,
      };
    case "set_queue":
      return {
        session_id,
        team_id: team,
        player_ids: Array.from({ length: rng.int(60) }, () => rng.pick(["WillCa03", "MayeDr00", "zz"])),
      };
    case "propose_trade":
      return {
        session_id,
        from_team_id: team,
        to_team_id: rng.pick(["CHI", "WAS", "KC"]),
        give: [rng.int(64) + 1],
        receive: [rng.int(64) + 1],
        ...(rng.chance(0.4)
          ? {
              give_future: [{ season_offset: rng.pick([1, 2, 3]), round: rng.int(9), original_team_id: team }],
              receive_future: [{ season_offset: 1, round: rng.int(8) + 1, original_team_id: rng.pick(["CHI", "KC"]) }],
            }
          : {}),
      };
    case "shop_pick":
      return { session_id, team_id: team };
    case "respond_trade":
      return { session_id, trade_id: rng.uuid(), accept: rng.chance(0.5) };
    case "admin_action":
      return {
        session_id,
        action: rng.pick([
          "start",
          "pause",
          "resume",
          "undo_last_pick",
          "force_autopick",
          "complete",
          "clear_chat",
          "explode",
        ]),
      };
    case "send_chat":
      return { session_id, text: rng.chance(0.5) ? rng.pick(EVIL_STRINGS) : "<img src=x onerror=alert(1)> good pick" };
    default:
      return { client_time: rng.int(2e12) };
  }
}

/** One mutation of a well-formed payload: a field dropped, retyped, oversized, nested, polluted, or an extra key. */
export function mutate(rng: Rng, payload: Record<string, unknown>): unknown {
  const keys = Object.keys(payload);
  const key = keys.length ? rng.pick(keys) : "x";
  switch (rng.int(9)) {
    case 0: {
      const { [key]: _dropped, ...rest } = payload;
      return rest;
    }
    case 1:
      return { ...payload, [key]: garbage(rng) };
    case 2:
      return { ...payload, extra: garbage(rng) };
    case 3:
      return pollute(payload, rng);
    case 4:
      return { ...payload, [key]: Array.from({ length: 2000 + rng.int(8000) }, (_, i) => i) };
    case 5:
      return { ...payload, [key]: deep(200 + rng.int(800), rng.chance(0.5)) };
    case 6:
      return { ...payload, [key]: "z".repeat(1000 + rng.int(40_000)) };
    case 7:
      return { ...payload, [key]: rng.pick(EVIL_NUMBERS) };
    default:
      return payload; // sometimes well-formed: it must still be refused by authorisation, or be harmless
  }
}
