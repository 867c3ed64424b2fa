// Seeded hostile HTTP requests for the gauntlet: the same seed gives the
// same 2,000 requests on every run, built from fuzz.ts's generators.
import { API_ROUTES } from "../../../lib/server/http/routes";
import { EVIL_NUMBERS, EVIL_STRINGS, garbage, pollute, type Rng } from "./fuzz";

export interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * A hostile request. `importerKey` is a real admin key of a league of its own:
 * sent only to the pool routes, so hostile imports reach the CSV and schema
 * checks instead of stopping at 401, while the draft under attack stays out of reach.
 */
export function httpCase(rng: Rng, sessionId: string, origin: string, importerKey?: string): HttpCase {
  const route = rng.pick(API_ROUTES);
  const id = rng.pick([
    sessionId,
    sessionId,
    rng.uuid(),
    "nope",
    "..",
    "%2e%2e",
    "%",
    "__proto__",
    "x".repeat(3000),
    "00000000-0000-0000-0000-000000000000",
    "' OR 1=1",
  ]);
  const team = rng.pick(["CHI", "KC", "WAS", "zz", "TOOLONG", "%00", "__proto__", "constructor"]);
  const pool = rng.pick([
    "2024",
    "2021",
    "p_0123456789abcdef",
    "p_",
    "P_ABC",
    "1999",
    "__proto__",
    "%00",
    "x".repeat(300),
    "../2024",
  ]);
  let path: string = route.path
    .replace(":id", encodeURIComponent(id))
    .replace(":team_id", encodeURIComponent(team))
    .replace(":pool", encodeURIComponent(pool));
  const poolRoute = route.path.startsWith("/api/pools");
  if (rng.chance(0.4)) {
    const params = [
      "after",
      "limit",
      "format",
      "available",
      "position",
      "__proto__",
      "constructor",
      "q",
      "kind",
      "league_id",
      "dry_run",
    ];
    const values = [
      "-1",
      "1e9",
      "abc",
      "",
      "xml",
      "csv",
      "json",
      "true",
      "maybe",
      "QB",
      "x".repeat(500),
      "2147483648",
      "NaN",
      "[]",
    ];
    path +=
      "?" +
      Array.from({ length: 1 + rng.int(4) }, () => `${rng.pick(params)}=${encodeURIComponent(rng.pick(values))}`).join(
        "&",
      );
  }
  const headers: Record<string, string> = {};
  if (rng.chance(0.6))
    headers["content-type"] = rng.pick([
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "application/json; charset=utf-7",
    ]);
  if (poolRoute && importerKey && rng.chance(0.7)) headers.authorization = `Bearer ${importerKey}`;
  else if (rng.chance(0.5))
    headers.authorization = rng.pick([
      "Bearer ",
      "Bearer adm_guess",
      "Bearer seat_guess",
      "Basic YWRtaW46YWRtaW4=",
      "Bearer " + "A".repeat(5000),
      "bearer adm_" + "x".repeat(43),
      "Bearer a b",
      "Token x",
    ]);
  if (rng.chance(0.3))
    headers.cookie = rng.pick([
      "warroom_admin=%E0%A4%A",
      "warroom_admin=adm_guess",
      "warroom_admin=",
      "a=b; warroom_admin=%",
      "warroom_admin=" + "x".repeat(4000),
      "__proto__=1",
    ]);
  if (rng.chance(0.25))
    headers.origin = rng.pick(["https://evil.example", "null", origin, "http://127.0.0.1:1", "not a url"]);
  let body: string | Uint8Array | undefined;
  if (poolRoute && route.method === "POST" && rng.chance(0.7)) body = hostileImport(rng);
  else if (route.method !== "GET") {
    switch (rng.int(9)) {
      case 0:
        body = "{not json";
        break;
      case 1:
        body = JSON.stringify(garbage(rng));
        break;
      case 2:
        body = JSON.stringify(
          pollute({ name: "x", action: "start", display_name: "d", admin_key: "adm_guess", rounds: 1 }, rng),
        );
        break;
      case 3:
        body = "[".repeat(20_000) + "]".repeat(20_000);
        break;
      case 4:
        body = JSON.stringify({ name: "y".repeat(70_000) }); // over 64 KiB
        break;
      case 5:
        body = new Uint8Array(Array.from({ length: rng.int(2000) }, () => rng.int(256)));
        break;
      case 6:
        body = JSON.stringify({
          name: "Gauntlet",
          rounds: rng.pick([1, 9, -1, 1.5]),
          seconds_per_pick: rng.pick([0, 3, 99999]),
          human_teams: rng.pick([[], ["CHI"], ["CHI", "CHI"], "CHI"]),
          action: rng.pick(["start", "explode"]),
        });
        break;
      case 7:
        body = "";
        break;
      default:
        body = JSON.stringify({
          display_name: rng.pick(["<img src=x onerror=alert(1)>", "x".repeat(41), "", "Fan"]),
          team_id: "CHI",
          player_id: "WillCa03",
          from_team_id: "CHI",
          to_team_id: "KC",
          give: [1],
          receive: [2],
        });
    }
  }
  // a method the route does not serve, or a broken escape in the path: the guard answers both
  const method = rng.chance(0.15)
    ? rng.pick(["TRACE", "PROPFIND", "PUT", "PATCH", "DELETE", "POST", "GET", "FOO", "M-SEARCH"])
    : route.method;
  if (rng.chance(0.1))
    path = path.replace(
      /\/([^/?]*)(?=[/?]|$)/,
      (_, segment: string) => `/${segment}${rng.pick(["%", "%f", "%ff%fe", "%zz", "%c0%af", "%E0%A4%A"])}`,
    );
  if (rng.chance(0.1)) Object.assign(headers, rng.pick(ODD_HEADERS));
  const sendsBody = body !== undefined && method !== "GET" && method !== "HEAD";
  return { method, path, headers, ...(sendsBody ? { body } : {}) };
}

/** Headers a client may send that mean nothing good: proxies' claims, caching and range games, odd content types. */
const ODD_HEADERS: Record<string, string>[] = [
  { "x-forwarded-host": "evil.example:99999", "x-forwarded-proto": "gopher" },
  { range: "bytes=999999-", "if-none-match": "*", "if-modified-since": "yesterday" },
  { accept: "text/x-component", rsc: "1", "next-router-state-tree": "%7Bbad" },
  { "next-action": "00", "content-type": "multipart/form-data; boundary=x" },
  { "accept-language": ";;;q=abc,*;q=9", "accept-encoding": "bogus;q=2" },
  { "content-type": "application/json; charset=ebcdic", expect: "100-continue" },
];

const CSV_HEADERS = [
  "rank,name,position",
  "\ufeffRank,Name,Pos,College,Grade",
  "name,position",
  "rank,rank,name,position",
  "",
  "\u0000,\u0000",
  "rank;name;position",
  '"rank,name",position',
];
const CSV_CELLS = [
  "1",
  "QB",
  "=cmd|' /C calc'!A0",
  "+1",
  "-1",
  "@SUM(1)",
  '"',
  '""',
  '"unclosed',
  "x".repeat(200),
  "\r",
  "\n",
  "é",
  "\ud800",
  "DE",
  "OLB",
  "XX",
  "1e400",
  "NaN",
  "-0",
  "6-2",
  "__proto__",
  "<b>x</b>",
  ",",
  "0",
];

/** A POST /api/pools body aimed at the parser: broken CSV, wrong shapes, polluted needs, limits. */
function hostileImport(rng: Rng): string {
  const csv = () => {
    const rows = Array.from({ length: rng.int(40) }, () =>
      Array.from({ length: rng.int(8) }, () => rng.pick(CSV_CELLS)).join(rng.pick([",", ",", ";", "\t"])),
    );
    return [rng.pick(CSV_HEADERS), ...rows].join(rng.pick(["\n", "\r\n", "\r"]));
  };
  const prospect = () => ({
    name: rng.pick([...EVIL_STRINGS, "Real Name"]),
    position: rng.pick(["QB", "de", "XX", 5, null]),
    rank: rng.pick([...EVIL_NUMBERS, "1", null]),
  });
  switch (rng.int(8)) {
    case 0:
      return JSON.stringify({
        name: "Hostile",
        prospects_csv: csv(),
        ...(rng.chance(0.5) ? { order_csv: csv() } : {}),
      });
    case 1:
      return JSON.stringify({
        name: rng.pick(EVIL_STRINGS),
        prospects: Array.from({ length: rng.int(30) }, prospect),
        rounds: rng.pick(EVIL_NUMBERS),
      });
    case 2:
      return `{"name":"Polluted","prospects_csv":"rank,name,position\\n1,A,QB","needs":{"__proto__":{"QB":1,"polluted":true},"CHI":{"constructor":1,"__proto__":2}}}`;
    case 3:
      return JSON.stringify({
        name: "Both",
        prospects: [],
        prospects_csv: "",
        order: garbage(rng),
        order_csv: 5,
        order_from: rng.pick(["2024", "1999", "__proto__"]),
        needs_from: garbage(rng),
      });
    case 4:
      // more rows than a board may hold, each valid
      return JSON.stringify({
        name: "Many",
        prospects_csv: [
          "rank,name,position",
          ...Array.from({ length: 2001 + rng.int(50) }, (_, i) => `${i + 1},P${i},WR`),
        ].join("\n"),
      });
    case 5:
      return JSON.stringify({
        name: "Deep",
        prospects: [JSON.parse("[".repeat(500) + "]".repeat(500))],
        needs: { CHI: { QB: garbage(rng) } },
      });
    case 6:
      return JSON.stringify(pollute({ name: "x", prospects_csv: "rank,name,position\n1,A,QB", rounds: 1 }, rng));
    default:
      return JSON.stringify({
        name: "Bytes",
        prospects_csv: Buffer.from(Array.from({ length: rng.int(3000) }, () => rng.int(256))).toString("latin1"),
      });
  }
}
