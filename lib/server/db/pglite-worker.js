// The embedded database's own thread (see pglite-thread.ts). PGlite runs
// PostgreSQL compiled to WebAssembly synchronously inside each call; on the
// main thread that time (40% of a busy server's) held up every socket and
// request. Here it runs beside the event loop. Plain JavaScript so it starts
// the same under `node --import tsx`, Jest and the bench without a loader.
//
// The database runs one thing at a time, so what matters is what goes next.
// Statements wait here in two lanes: the clock's CPU picks ("background")
// go only when no one else's statement is waiting, so a person's pick or an
// admin's request waits behind at most the one batch already running, not
// behind every busy draft's (README, "Staying responsive while busy").
"use strict";
const { parentPort, workerData, receiveMessageOnPort } = require("node:worker_threads");
const { PGlite, messages } = require("@electric-sql/pglite");

/** Parsers that hand back the text for the given type ids: the main thread applies its own there. */
const textFor = new Map();
function rawParsers(typeIds) {
  const key = typeIds.join(",");
  let parsers = textFor.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(typeIds.map((id) => [id, (text) => text]));
    textFor.set(key, parsers);
  }
  return parsers;
}

/** What crosses back of an error: its message and the fields callers read (code, detail, …), never functions. */
function plainError(error) {
  const fields = {};
  if (error && typeof error === "object")
    for (const [name, value] of Object.entries(error))
      if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[name] = value;
  return {
    message: error instanceof Error ? error.message : String(error),
    databaseError: error instanceof messages.DatabaseError,
    fields,
  };
}

async function main() {
  const db = new PGlite(workerData.dataDir);
  await db.waitReady;

  /** open transactions by id: the connection their statements run on, and how to end them */
  const open = new Map();
  /** every transaction begun, until the caller ends it: settles when PGlite has committed or rolled back */
  const outcomes = new Map();

  const queryOptions = (message) =>
    message.rowMode || message.textTypes.length > 0
      ? { ...(message.rowMode ? { rowMode: message.rowMode } : {}), parsers: rawParsers(message.textTypes) }
      : undefined;

  const operations = {
    query: (message, on) => on.query(message.sql, message.params, queryOptions(message)),
    exec: (message, on) => on.exec(message.sql),
    rollback: (message, on) => on.rollback(),
    // statements known up front, in one transaction and one message: no round trips while it holds the lock
    batch: (message) =>
      db.transaction(async (tx) => {
        for (const step of message.steps) await tx.query(step.sql, step.params);
        return null;
      }),
    begin: (message) =>
      new Promise((started, failed) => {
        const outcome = db.transaction(
          (tx) =>
            new Promise((commit, abandon) => {
              open.set(message.id, { tx, commit, abandon });
              started(null);
            }),
        );
        outcomes.set(message.id, outcome);
        outcome.catch(failed).finally(() => open.delete(message.id));
      }),
    end: async (message) => {
      const outcome = outcomes.get(message.of);
      outcomes.delete(message.of);
      const transaction = open.get(message.of);
      if (transaction) {
        if (message.commit) transaction.commit(null);
        else transaction.abandon(new Error("rolled back by the caller"));
      }
      try {
        await outcome;
      } catch (error) {
        if (message.commit) throw error;
      }
      return null;
    },
    close: async () => {
      await db.close();
      return null;
    },
  };

  function run(message) {
    const on = message.tx === undefined ? db : open.get(message.tx)?.tx;
    const done = Promise.resolve().then(() => {
      if (!on) throw new Error("that transaction is no longer open");
      return operations[message.op](message, on);
    });
    done.then(
      (result) => parentPort.postMessage({ id: message.id, result }),
      (error) => parentPort.postMessage({ id: message.id, error: plainError(error) }),
    );
    return done;
  }

  /** Work that takes the database whole (a statement, a batch, a transaction from begin to end), by lane. */
  const lanes = { now: [], background: [] };
  let busy = false;

  /** Inside an open transaction (or ending one) runs at once: the transaction already holds the database. */
  function arrive(message) {
    if (message.tx !== undefined || message.op === "end") void run(message);
    else (message.background ? lanes.background : lanes.now).push(message);
  }

  /** Starts the next waiting work when the database is free; people's lane first. */
  function next() {
    // what arrived while WebAssembly held this thread has not been delivered yet: sort it into its lane first
    for (let received; (received = receiveMessageOnPort(parentPort));) arrive(received.message);
    if (busy) return;
    const message = lanes.now.shift() ?? lanes.background.shift();
    if (!message) return;
    busy = true;
    const done = run(message);
    // a transaction holds the database until its caller ends it, not just until it has begun
    const released = message.op === "begin" ? done.then(() => outcomes.get(message.id)) : done;
    released
      .catch(() => {})
      .then(() => {
        busy = false;
        next();
      });
  }

  parentPort.on("message", (message) => {
    arrive(message);
    next();
  });
  parentPort.postMessage({ ready: true });
}

main().catch((error) => parentPort.postMessage({ ready: false, error: plainError(error) }));
