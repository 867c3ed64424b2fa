// Imported draft classes over real HTTP (the production guard in front of the
// route table), on the test's database: every route and rule of PROTOCOL.md
// v2's "Imported draft classes", and that a bad import saves nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { request as httpRequest } from "node:http";
import { silentLogger } from "../lib/server/logger";
import { createWarRoom } from "../lib/server/warroom";
import { createServer } from "node:http";
import { describeIf } from "./support/describe-if";
import { backendName, createTestDatabase, usingPostgres } from "./support/test-database";
import { startSecurityServer, type SecurityServer } from "./security/support/security-server";
import { httpClient } from "./support/api-client";
import { routePath, type RouteAnswerOf } from "../lib/protocol/routes";
import type { ErrorBody } from "../lib/protocol/errors";
import type { ImportedPool, PoolCheck } from "../lib/protocol/pools";
import type { Player } from "../lib/protocol/shapes";

jest.setTimeout(120_000);

const BOARD = readFileSync(path.join(__dirname, "../examples/board.csv"), "utf8");
const ORDER = readFileSync(path.join(__dirname, "../examples/order.csv"), "utf8");

let server: SecurityServer;
beforeAll(async () => {
  server = await startSecurityServer();
});
afterAll(async () => {
  await server.close();
});

const http = () => httpClient(server.url);

/** An import's answer: the class it created (a dry run answers a check instead). */
function created(answer: RouteAnswerOf<"importPool"> | undefined): ImportedPool {
  if (!answer || !("pool" in answer)) throw new Error(`expected an imported class, got ${JSON.stringify(answer)}`);
  return answer;
}
/** A dry run's answer. */
function checked(answer: RouteAnswerOf<"importPool"> | undefined): PoolCheck {
  if (!answer || !("dry_run" in answer)) throw new Error(`expected a dry run's check, got ${JSON.stringify(answer)}`);
  return answer;
}
const league = (name = "Importers") => http().answer("createLeague", { body: { name } });
const importPool = (adminKey: string, body: unknown) => http().call("importPool", { adminKey, body });
const importedIds = async () =>
  (await http().answer("pools", { query: { kind: "imported" } })).map((p) => p.pool).sort();
const players = (pool: string, query?: Record<string, string>) =>
  http().answer("poolPlayers", { params: { pool }, query });

describe(`imported draft classes over HTTP (${backendName})`, () => {
  test("a CSV board with the default order imports: 201, listed after the bundled classes, readable, searchable", async () => {
    const { admin_key, league_id } = await league();
    const result = await importPool(admin_key, { name: "Example board", prospects_csv: BOARD });
    expect(result.status).toBe(201);
    expect(result.answer).toEqual({
      pool: expect.stringMatching(/^p_[a-z0-9]+$/),
      name: "Example board",
      league_id,
      players: 420,
      picks: 257,
      rounds: 7,
      warnings: [],
    });
    const id = created(result.answer).pool;

    const list = await http().answer("pools");
    expect(list.slice(0, 4).map((p) => [p.pool, p.kind])).toEqual([
      ["2021", "bundled"],
      ["2022", "bundled"],
      ["2023", "bundled"],
      ["2024", "bundled"],
    ]);
    const listed = list.find((p) => p.pool === id);
    expect(listed).toMatchObject({ name: "Example board", kind: "imported", league_id, rounds: 7, players: 420 });
    expect(listed?.teams).toHaveLength(32);
    expect(listed?.order).toHaveLength(257);

    const one = await http().call("pool", { params: { pool: id } });
    expect(one.status).toBe(200);
    expect(one.answer).toMatchObject({ pool: id, kind: "imported", players: 420 });
    expect(Object.keys(one.answer?.needs.CHI ?? {}).sort()).toEqual([
      "CB",
      "DT",
      "EDGE",
      "FB",
      "IOL",
      "K",
      "LB",
      "LS",
      "OT",
      "P",
      "QB",
      "RB",
      "S",
      "TE",
      "WR",
    ]);

    const all = await players(id);
    expect(all).toHaveLength(420);
    expect(all.map((p) => p.rank)).toEqual([...all.map((p) => p.rank)].sort((a, b) => a - b));
    expect(all[0]).toMatchObject({
      rank: 1,
      grade: expect.any(Number),
      height_in: expect.any(Number),
      weight_lb: expect.any(Number),
      college: expect.any(String),
    });
    // q matches name or college, any case; position takes a position or its group
    const college = all[10]!.college!;
    const byCollege = await players(id, { q: college.toUpperCase() });
    expect(byCollege.length).toBeGreaterThan(0);
    expect(byCollege.every((p) => p.college === college || p.name.toLowerCase().includes(college.toLowerCase()))).toBe(
      true,
    );
    const surname = all[3]!.name.split(" ")[1]!;
    expect((await players(id, { q: surname.toLowerCase() })).map((p) => p.name)).toContain(all[3]!.name);
    const line = await players(id, { position: "OL" });
    expect(new Set(line.map((p) => p.position))).toEqual(new Set(["OT", "IOL"]));
  });

  test("a CSV with a BOM, CRLF line ends, quoted commas and quotes, header and position aliases reads as written", async () => {
    const { admin_key } = await league();
    const rows = [
      "\ufeffRANK,Player,Pos,School,Height,Notes",
      '1,"Smith, John",DE,"Texas A&M",6-4,"Called ""the wall"", plays hurt"',
      "2,Ray Lee,olb,Utah,74,",
      '3,"Bo ""Jet"" Li",ss,Iowa,"6\'1""","two\r\nlines"',
      ...Array.from({ length: 30 }, (_, i) => `${i + 4},Filler ${i + 4},WR,State,,`),
    ];
    const result = await importPool(admin_key, {
      name: "Quoted",
      prospects_csv: rows.join("\r\n") + "\r\n",
      rounds: 1,
    });
    expect(result.status).toBe(201);
    const read = await players(created(result.answer).pool);
    expect(read.slice(0, 3).map((p) => [p.name, p.position, p.college, p.height_in, p.notes])).toEqual([
      ["Smith, John", "EDGE", "Texas A&M", 76, 'Called "the wall", plays hurt'],
      ["Ray Lee", "LB", "Utah", 74, undefined],
      ['Bo "Jet" Li', "S", "Iowa", 73, "two\r\nlines"],
    ]);
  });

  test("a JSON body with an uploaded order, rounds and needs imports the same way", async () => {
    const { admin_key } = await league();
    const prospects = Array.from({ length: 70 }, (_, i) => ({
      name: `Json ${i + 1}`,
      position: ["QB", "de", "OLB", "T"][i % 4],
      rank: i + 1,
    }));
    const result = await importPool(admin_key, {
      name: "JSON class",
      prospects,
      order_csv: ORDER,
      rounds: 2,
      needs: { CHI: { EDGE: 1 } },
    });
    expect(result.status).toBe(201);
    expect(result.answer).toMatchObject({ players: 70, rounds: 2, picks: 64 });
    const pool = created(result.answer).pool;
    expect((await http().answer("pool", { params: { pool } })).needs.CHI?.EDGE).toBe(1);
    const positions = (await players(pool)).slice(0, 4).map((p) => p.position);
    expect(positions).toEqual(["QB", "EDGE", "LB", "OT"]);
  });

  test("each kind of bad input answers 400 with every issue and its line, and saves nothing", async () => {
    const { admin_key } = await league();
    const before = await importedIds();
    const badBoard = BOARD.replace(/\n7,/, "\nseven,").replace(/\n12,([^,]+),[A-Z]+,/, "\n12,$1,XYZ,");
    const cases: [string, unknown, (error: ErrorBody) => void][] = [
      [
        "bad records",
        { name: "Bad", prospects_csv: badBoard },
        (error) =>
          expect(error.issues?.map((i) => [i.line, Array.isArray(i.path) ? i.path.join(".") : i.path])).toEqual([
            [8, "prospects_csv.6.rank"],
            [13, "prospects_csv.11.position"],
          ]),
      ],
      [
        "duplicate rank",
        { name: "Dup", prospects_csv: BOARD.replace(/\n3,/, "\n2,") },
        (error) =>
          expect(error.issues).toEqual([
            {
              path: ["prospects_csv", 2, "rank"],
              line: 4,
              message: "rank 2 is already taken by line 3; ranks must be unique",
            },
          ]),
      ],
      [
        "unknown team in the order",
        { name: "Order", prospects_csv: BOARD, order_csv: ORDER.replace(/\n5,1,[A-Z]+,/, "\n5,1,XXX,") },
        (error) => expect(error.issues?.[0]).toMatchObject({ path: ["order_csv", 4, "team_id"], line: 6 }),
      ],
      [
        "board too small",
        { name: "Small", prospects_csv: BOARD.split("\n").slice(0, 101).join("\n") },
        (error) => expect(error.issues?.[0]?.message).toMatch(/100 prospects but 7 rounds/),
      ],
      ["neither board", { name: "None" }, (error) => expect(error.issues?.[0]?.message).toMatch(/board is missing/)],
      // a string body is sent as it is: not JSON at all
      ["not JSON", "{oops", (error) => expect(error.message).toMatch(/not valid JSON/)],
    ];
    for (const [what, body, check] of cases) {
      const result = await importPool(admin_key, body);
      expect([what, result.status, result.error?.code]).toEqual([what, 400, "invalid_payload"]);
      check(result.error!);
    }
    expect(await importedIds()).toEqual(before);
  });

  test("a dry run answers what would be imported, with a preview, and saves nothing", async () => {
    const { admin_key } = await league();
    const before = await importedIds();
    const dryRun = (body: unknown, adminKey?: string) =>
      http().call("importPool", { adminKey, body, query: { dry_run: "true" } });
    const good = await dryRun({ name: "Dry", prospects_csv: BOARD, rounds: 3 }, admin_key);
    expect(good.status).toBe(200);
    expect(good.answer).toMatchObject({ dry_run: true, ok: true, name: "Dry", players: 420, rounds: 3, picks: 100 });
    const check = checked(good.answer);
    if (!check.ok) throw new Error("the good board failed its check");
    expect(check.preview.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(check.teams).toHaveLength(32);
    // a class with problems: the check worked, so 200, with the problems an import would get
    const bad = await dryRun({ name: "Dry", prospects_csv: BOARD.replace(/\n5,/, "\nfive,") }, admin_key);
    expect(bad.status).toBe(200);
    expect(bad.answer).toEqual({
      dry_run: true,
      ok: false,
      message: "the draft class has 1 problem",
      total: 1,
      issues: [
        {
          path: ["prospects_csv", 4, "rank"],
          line: 6,
          message: 'rank must be a whole number of 1 or more, not "five"',
        },
      ],
    });
    // who asks still comes first
    expect((await dryRun({ name: "Dry", prospects_csv: BOARD })).status).toBe(401);
    expect(await importedIds()).toEqual(before);
  });

  test("who may: importing and deleting need a league admin key; another league's class or a bundled one is 403, checked before 409", async () => {
    const mine = await league("Mine");
    const theirs = await league("Theirs");
    const body = { name: "Owned", prospects_csv: BOARD };
    expect((await http().call("importPool", { body })).status).toBe(401);
    expect((await importPool("adm_not_a_key", body)).status).toBe(401);
    const id = created((await importPool(mine.admin_key, body)).answer).pool;
    const remove = (pool: string, adminKey?: string) => http().call("deletePool", { params: { pool }, adminKey });
    const read = (pool: string) => http().call("pool", { params: { pool } });

    // a session on it: the owner's league may, another league may not
    const session = { name: "On import", pool: id, rounds: 1, seconds_per_pick: 0, human_teams: [] };
    expect((await http().call("createSession", { body: session, adminKey: theirs.admin_key })).status).toBe(403);
    const createdSession = await http().call("createSession", { body: session, adminKey: mine.admin_key });
    expect(createdSession.status).toBe(201);

    expect((await remove(id)).status).toBe(401);
    expect((await remove(id, theirs.admin_key)).error?.code).toBe("forbidden");
    expect((await remove("2024", mine.admin_key)).status).toBe(403);
    const used = await remove(id, mine.admin_key);
    expect([used.status, used.error?.code]).toEqual([409, "conflict"]);
    expect((await remove("p_000000000000", mine.admin_key)).status).toBe(404);
    expect((await read("p_000000000000")).status).toBe(404);
    expect((await read("not a pool")).status).toBe(400);
    expect((await read("1999")).status).toBe(404);

    // a finished session still holds it: its replay needs the class
    const sessionId = createdSession.answer!.session_id;
    const completed = await http().call("action", {
      params: { id: sessionId },
      body: { action: "complete" },
      adminKey: mine.admin_key,
    });
    expect(completed.status).toBe(200);
    expect((await remove(id, mine.admin_key)).status).toBe(409);

    const unused = created((await importPool(mine.admin_key, { ...body, name: "Unused" })).answer).pool;
    const deleted = await remove(unused, mine.admin_key);
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect((await read(unused)).status).toBe(404);
    expect(
      (await http().call("createSession", { body: { ...session, pool: unused }, adminKey: mine.admin_key })).status,
    ).toBe(404);
  });

  test("the 1 MiB limit belongs to this route alone: over it 413 with the error body, nothing saved; other routes keep 64 KiB", async () => {
    const { admin_key } = await league();
    const before = await importedIds();
    const padding = "x".repeat(1024 * 1024);
    const big = await importPool(admin_key, { name: "Big", prospects_csv: padding });
    expect([big.status, big.error?.code]).toEqual([413, "invalid_payload"]);
    expect(big.error?.message).toMatch(/1 MiB/);
    // sent in chunks without a length, the body is cut off at the limit all the same
    const chunked = await postChunked(
      routePath("importPool", {}),
      admin_key,
      JSON.stringify({ name: "Big", prospects_csv: padding }),
    );
    expect([chunked.status, (JSON.parse(chunked.text) as { error: ErrorBody }).error.code]).toEqual([
      413,
      "invalid_payload",
    ]);
    // just under the limit is read (and then judged on its content)
    const near = await importPool(admin_key, { name: "Near", prospects_csv: BOARD + "\n".repeat(400_000) });
    expect(near.status).toBe(201);
    const other = await http().call("createLeague", { body: { name: "y".repeat(70 * 1024) } });
    expect([other.status, other.error?.message]).toEqual([400, "the body is larger than 64 KiB"]);
    expect((await importedIds()).length).toBe(before.length + 1);
  });

  test("export as CSV and as JSON, and importing either again gives the same board; formula cells are escaped", async () => {
    const { admin_key } = await league();
    const risky = BOARD.replace(/\n1,[^,]+,/, "\n1,=HYPERLINK(1),")
      .replace(/\n2,[^,]+,/, "\n2,@Sum,")
      .replace(/\n3,[^,]+,/, "\n3,+Plus Man,");
    const id = created(
      (await importPool(admin_key, { name: "Round trip", prospects_csv: risky, needs: { KC: { QB: 0.7 } } })).answer,
    ).pool;
    const original = await players(id);
    expect(original.slice(0, 3).map((p) => p.name)).toEqual(["=HYPERLINK(1)", "@Sum", "+Plus Man"]);

    const csv = await http().call("exportPool", { params: { pool: id }, query: { format: "csv" } });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="round-trip\.csv"/);
    const lines = csv.text.split("\n");
    expect(lines[0]).toBe("rank,name,position,college,grade,height_in,weight_lb,forty,notes");
    expect(lines.slice(1, 4).map((l) => l.split(",")[1])).toEqual(["'=HYPERLINK(1)", "'@Sum", "'+Plus Man"]);
    const json = JSON.parse(await http().file("exportPool", { params: { pool: id }, query: { format: "json" } })) as {
      needs: Record<string, Record<string, number>>;
    };
    expect(Object.keys(json).sort()).toEqual(["name", "needs", "order", "prospects"]);
    expect(json.needs.KC?.QB).toBe(0.7);

    const fromCsv = created(
      (await importPool(admin_key, { name: "Again (CSV)", prospects_csv: csv.text })).answer,
    ).pool;
    const fromJson = created((await importPool(admin_key, { ...json, name: "Again (JSON)" })).answer).pool;
    const strip = (list: Player[]) => list.map(({ player_id: _id, ...rest }) => rest);
    expect(strip(await players(fromCsv))).toEqual(strip(original));
    expect(strip(await players(fromJson))).toEqual(strip(original));
    expect((await http().answer("pool", { params: { pool: fromJson } })).needs.KC?.QB).toBe(0.7);
  });

  test("two imports at the same moment both succeed with different ids", async () => {
    const { admin_key } = await league();
    const [a, b] = await Promise.all(
      [1, 2].map((n) => importPool(admin_key, { name: `Race ${n}`, prospects_csv: BOARD })),
    );
    expect([a?.status, b?.status]).toEqual([201, 201]);
    expect(created(a?.answer).pool).not.toBe(created(b?.answer).pool);
  });
});

const twoNodes = describeIf(
  usingPostgres,
  "two nodes need a shared PostgreSQL (set DATABASE_URL); PGlite serves one process only",
);
twoNodes("imports on two nodes sharing PostgreSQL", () => {
  test("two nodes importing at once both succeed with different ids, and each node sees the other's class", async () => {
    const database = await createTestDatabase();
    const nodes = await Promise.all(
      [0, 1].map(async () => {
        const db = await database.open();
        const warroom = await createWarRoom({ httpServer: createServer(), db, logger: silentLogger });
        return { db, warroom };
      }),
    );
    try {
      const { admin_key } = await nodes[0]!.warroom.access.createLeague("Two nodes");
      const body = { name: "Shared", prospects_csv: BOARD };
      const results = await Promise.all(nodes.map(({ warroom }) => warroom.pools.importPool(admin_key, body, false)));
      const ids = results.map((r) => ("pool" in r ? r.pool : ""));
      expect(new Set(ids).size).toBe(2);
      for (const { warroom } of nodes)
        expect((await warroom.pools.list({ kind: "imported" })).map((p) => p.pool).sort()).toEqual([...ids].sort());
      // deleted on one node, gone on the other too
      await nodes[0]!.warroom.pools.deletePool(admin_key, ids[1]!);
      await expect(nodes[1]!.warroom.pools.detail(ids[1]!)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      for (const { warroom, db } of nodes) {
        await warroom.close();
        await db.close();
      }
      await database.drop();
    }
  });
});

/** A POST whose body goes out in chunks with no Content-Length, as a streaming client sends it. */
function postChunked(urlPath: string, key: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      server.url + urlPath,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "transfer-encoding": "chunked" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    req.end();
  });
}
