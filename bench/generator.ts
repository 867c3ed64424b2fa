// A load-generator process: opens many socket.io-client connections to one or
// more servers, joins each to its session and records what arrives. The bench
// (run.ts) drives it over the IPC channel; it exits when told to, when the
// bench goes away, or at BENCH_CHILD_MAX_MS (orphan-guard.mjs).
//
// Modes:
//   fanout  records, per client, when each draft_pick (by overall) arrives;
//           says "got" when every client here has one overall
//   seq     tracks every sequenced event's seq per client (gaps, duplicates,
//           order) and says "done" when every client here saw the draft complete
//   idle    holds connections; counts unexpected disconnects
import type { Socket } from "socket.io-client";
import { nowMs } from "./support/clock";
import { openClient, SEQUENCED_EVENTS, type ClientSpec } from "./support/clients";
import type { SeqClientReport } from "./support/generator-messages";
import type { GeneratorMessage } from "./support/generator-messages";

type Mode = "fanout" | "seq" | "idle";

interface Tracked extends SeqClientReport {
  socket: Socket;
  /** fanout: arrival time per overall (0 = not yet) */
  recv?: Float64Array;
  /** seq: which seqs arrived */
  seen?: Uint8Array;
}

const index = Number(process.argv[2] ?? 0);
const send = (message: GeneratorMessage) => process.send?.(message);
let clients: Tracked[] = [];
let closing = false;
const disconnects: Record<string, number> = {};
let disconnected = 0;
let doneCount = 0;
let events = 0;
let progressTimer: NodeJS.Timeout | null = null;

process.on("disconnect", () => process.exit(0));

async function connectAll(mode: Mode, specs: ClientSpec[], concurrency: number, maxOverall: number, offset: number) {
  const started = nowMs();
  const errors: string[] = [];
  let failed = 0;
  const opened: (Tracked | null)[] = new Array(specs.length).fill(null);
  const counts = new Uint32Array(maxOverall + 2);
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const i = next++;
      const spec = specs[i]!;
      try {
        const { socket, ack } = await openClient(spec, offset + i);
        const client: Tracked = {
          socket,
          sessionId: spec.sessionId,
          baseSeq: ack.snapshot?.seq ?? 0,
          distinct: 0,
          maxSeq: 0,
          dupes: 0,
          outOfOrder: 0,
          doneAt: 0,
        };
        socket.on("disconnect", (reason) => {
          if (closing || reason === "io client disconnect") return;
          disconnected++;
          disconnects[reason] = (disconnects[reason] ?? 0) + 1;
        });
        if (mode === "fanout") {
          const recv = new Float64Array(maxOverall + 2);
          client.recv = recv;
          socket.on("draft_pick", (payload: { pick?: { overall?: unknown } } | undefined) => {
            const at = nowMs();
            const overall = payload?.pick?.overall;
            if (typeof overall !== "number" || overall >= recv.length) return;
            if (recv[overall]) return void client.dupes++;
            recv[overall] = at;
            // every client here has this pick: the picker may go on
            if (++counts[overall]! === clients.length) send({ type: "got", overall });
          });
        }
        if (mode === "seq") {
          client.seen = new Uint8Array(512);
          for (const type of SEQUENCED_EVENTS)
            socket.on(type, (payload: SequencedPayload | undefined) => onSequenced(client, type, payload));
        }
        opened[i] = client;
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, specs.length)) }, worker));
  // a second "connect" adds to the clients already held (idle capacity connects in two phases)
  for (const client of opened) if (client) clients.push(client);
  if (mode === "seq" && !progressTimer) {
    progressTimer = setInterval(
      () => send({ type: "progress", events, done: doneCount, clients: clients.length }),
      1000,
    );
  }
  send({ type: "connected", connected: opened.filter(Boolean).length, failed, errors, ms: nowMs() - started });
}

/** What the generator reads of a sequenced event: its seq, and a session_update's status. */
type SequencedPayload = { seq?: unknown; status?: unknown };

function onSequenced(client: Tracked, type: string, payload: SequencedPayload | undefined) {
  events++;
  const seq = payload?.seq;
  if (typeof seq !== "number") return;
  let seen = client.seen!;
  if (seq >= seen.length) {
    const grown = new Uint8Array(Math.max(seq + 1, seen.length * 2));
    grown.set(seen);
    client.seen = seen = grown;
  }
  if (seen[seq]) client.dupes++;
  else {
    seen[seq] = 1;
    client.distinct++;
    if (seq < client.maxSeq) client.outOfOrder++;
    if (seq > client.maxSeq) client.maxSeq = seq;
  }
  if (type === "session_update" && payload?.status === "complete" && !client.doneAt) {
    client.doneAt = nowMs();
    if (++doneCount === clients.length) send({ type: "done", at: Math.max(...clients.map((c) => c.doneAt)) });
  }
}

function collect(message: { emitTimes?: [number, number][] }) {
  if (message.emitTimes) {
    // fanout: latency of every (client, pick) delivery; a pick a client never got is lost
    const latencies = new Float64Array(clients.length * message.emitTimes.length);
    let n = 0;
    let lost = 0;
    let dupes = 0;
    for (const client of clients) {
      dupes += client.dupes;
      for (const [overall, emittedAt] of message.emitTimes) {
        const at = client.recv![overall] ?? 0;
        if (at) latencies[n++] = at - emittedAt;
        else lost++;
      }
    }
    send({
      type: "result",
      latencies: latencies.subarray(0, n),
      lost,
      dupes,
      clients: clients.length,
      disconnected,
      disconnects,
    });
    return;
  }
  send({
    type: "result",
    clients: clients.length,
    disconnected,
    disconnects,
    events,
    perClient: clients.map((c) => ({
      sessionId: c.sessionId,
      baseSeq: c.baseSeq,
      distinct: c.distinct,
      maxSeq: c.maxSeq,
      dupes: c.dupes,
      outOfOrder: c.outOfOrder,
      doneAt: c.doneAt,
    })),
  });
}

function closeAll() {
  closing = true;
  if (progressTimer) clearInterval(progressTimer);
  for (const client of clients) client.socket.disconnect();
  clients = [];
}

/** What the bench (run.ts) sends over the IPC channel. */
type Command =
  | { cmd: "connect"; mode: Mode; clients: ClientSpec[]; concurrency?: number; maxOverall?: number; offset?: number }
  | ({ cmd: "collect" } & Parameters<typeof collect>[0])
  | { cmd: "close" }
  | { cmd: "exit" };

process.on("message", (message: Command) => {
  switch (message?.cmd) {
    case "connect":
      void connectAll(
        message.mode,
        message.clients,
        message.concurrency ?? 50,
        message.maxOverall ?? 0,
        message.offset ?? 0,
      );
      break;
    case "collect":
      collect(message);
      break;
    case "close":
      closeAll();
      send({ type: "closed" });
      break;
    case "exit":
      closeAll();
      setTimeout(() => process.exit(0), 50);
      break;
  }
});

send({ type: "hello", index });
