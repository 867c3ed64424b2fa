// The embedded database on its own thread (lib/server/db/pglite-thread.ts):
// callers must not be able to tell it from PGlite in their own thread —
// errors keep PostgreSQL's fields, transactions commit or roll back whole,
// the caller's parsers apply — and a thread that dies fails its callers
// instead of leaving them waiting.
import { messages } from "@electric-sql/pglite";
import { startPgliteThread, type PgliteThread } from "../lib/server/db/pglite-thread";

let db: PgliteThread;
beforeAll(async () => {
  db = await startPgliteThread(undefined);
  await db.exec("CREATE TABLE items (id integer PRIMARY KEY, label text NOT NULL, made timestamp(3) NOT NULL)");
});
afterAll(async () => {
  await db.close();
});

const labels = async () => (await db.query<{ label: string }>("SELECT label FROM items ORDER BY id")).rows;

describe("the embedded database's thread", () => {
  test("a PostgreSQL error arrives as PGlite's DatabaseError with its SQLSTATE", async () => {
    await db.query("INSERT INTO items VALUES (1, 'one', now())");
    const error = await db.query("INSERT INTO items VALUES (1, 'again', now())").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "items_pkey" });
  });

  test("a transaction commits what its work did, and rolls back whole when the work throws", async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO items VALUES (2, 'two', now())");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO items VALUES (3, 'three', now())");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await labels()).toEqual([{ label: "one" }, { label: "two" }]);
  });

  test("a batch is one transaction: a failing statement undoes the ones before it", async () => {
    const error = await db
      .batch([
        { sql: "INSERT INTO items VALUES ($1, $2, now())", params: [4, "four"] },
        { sql: "INSERT INTO items VALUES ($1, $2, now())", params: [1, "duplicate"] },
      ])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "23505" });
    expect(await labels()).toEqual([{ label: "one" }, { label: "two" }]);
    await db.batch([{ sql: "INSERT INTO items VALUES ($1, $2, now())", params: [4, "four"] }]);
    expect(await labels()).toEqual([{ label: "one" }, { label: "two" }, { label: "four" }]);
  });

  test("the caller's parsers apply to their columns; the rest parse as PGlite's own do", async () => {
    const TEXT = 25;
    const { rows } = await db.query<[string, Date]>("SELECT label, made FROM items WHERE id = 1", [], {
      rowMode: "array",
      parsers: { [TEXT]: (value: string) => value.toUpperCase() },
    });
    expect(rows[0]![0]).toBe("ONE");
    // a Date made on this side of the thread (Jest's sandbox has its own Date, so not instanceof)
    expect(Object.prototype.toString.call(rows[0]![1])).toBe("[object Date]");
  });

  test("statements from many callers at once all complete, each with its own answer", async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.query<{ n: number }>("SELECT $1::integer * 2 AS n", [i])),
    );
    expect(answers.map((answer) => answer.rows[0]!.n)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });

  test("background work waits while anything else does: a person's statement goes next, not last", async () => {
    const finished: string[] = [];
    const track = (label: string, work: Promise<unknown>) => work.then(() => finished.push(label));
    // an open transaction holds the database while the rest queue behind it
    let release = () => {};
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = track(
      "holder",
      db.transaction(async (tx) => {
        await tx.query("SELECT 1");
        holding();
        await new Promise<void>((resolve) => (release = resolve));
      }),
    );
    await held;
    const queued = [
      ...[1, 2, 3].map((n) =>
        track(`background ${n}`, db.query("SELECT $1::integer", [n], undefined, { background: true })),
      ),
      track("person", db.query("SELECT 1")),
      track("background batch", db.batch([{ sql: "SELECT 1", params: [] }], { background: true })),
      track(
        "admin transaction",
        db.transaction((tx) => tx.query("SELECT 1")),
      ),
    ];
    // messages reach the thread in the order they were sent: all of these before the holder's commit
    release();
    await Promise.all([holder, ...queued]);
    // the holder first; then everyone else's work in its own order; then the background's in its order
    expect(finished).toEqual([
      "holder",
      "person",
      "admin transaction",
      "background 1",
      "background 2",
      "background 3",
      "background batch",
    ]);
  });

  test("after close, callers are told the database is closed", async () => {
    const other = await startPgliteThread(undefined);
    await other.close();
    await expect(other.query("SELECT 1")).rejects.toThrow(/closed|stopped/);
  });
});
