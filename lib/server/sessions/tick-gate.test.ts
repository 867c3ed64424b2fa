import { createTickGate } from "./tick-gate";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("tick gate", () => {
  test("runs at most `limit` tasks at once and starts waiters in arrival order", async () => {
    const gate = createTickGate(2);
    const started: number[] = [];
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    const runs = blockers.map((blocker, i) =>
      gate.run(async () => {
        started.push(i);
        await blocker.promise;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(2);
    blockers[1]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    blockers[0]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    blockers[2]!.resolve();
    blockers[3]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(gate.waiting).toBe(0);
  });

  test("a failing task frees its slot and its caller gets the error", async () => {
    const gate = createTickGate(1);
    const failed = gate.run(async () => {
      throw new Error("database away");
    });
    const next = gate.run(async () => "ran");
    await expect(failed).rejects.toThrow("database away");
    await expect(next).resolves.toBe("ran");
    // the slot is free again: a new task starts at once
    let startedAtOnce = false;
    const third = gate.run(async () => void (startedAtOnce = true));
    await flush();
    expect(startedAtOnce).toBe(true);
    await third;
  });

  test("while a person's command runs, one tick at a time is let in; then the limit again", async () => {
    const gate = createTickGate(3);
    const started: number[] = [];
    const blockers = Array.from({ length: 6 }, deferred);
    const command = deferred();
    const person = gate.person(() => command.promise);
    const ticks = blockers.map((blocker, i) =>
      gate.run(async () => {
        started.push(i);
        await blocker.promise;
      }),
    );
    await flush();
    // a tick still runs: commands arriving all the time must not stop the clocks
    expect(started).toEqual([0]);
    blockers[0]!.resolve();
    await flush();
    expect(started).toEqual([0, 1]);
    // the command is done: the gate opens to its limit
    command.resolve();
    await person;
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const blocker of blockers) blocker.resolve();
    await Promise.all(ticks);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("a limit of 0 holds ticks while the loop catches up, and lets the oldest through after maxHoldMs", async () => {
    let limit = 0;
    const gate = createTickGate(() => limit, { maxHoldMs: 40 });
    const started: number[] = [];
    // the gate has just let one through: the hold counts from there
    await gate.run(async () => {});
    const heldAt = performance.now();
    const ticks = [0, 1, 2].map((i) => gate.run(async () => void started.push(i)));
    await flush();
    expect(started).toEqual([]);
    // nothing runs, so only the gate's own timer can let a held tick go
    await ticks[0];
    expect(performance.now() - heldAt).toBeGreaterThanOrEqual(35);
    expect(started).toEqual([0]);
    // the loop caught up: the limit rises and the rest go at the next look
    limit = 2;
    await Promise.all(ticks);
    expect(started).toEqual([0, 1, 2]);
  });
});
