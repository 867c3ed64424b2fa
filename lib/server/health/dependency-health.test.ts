import { checkDependencies, healthy } from "./dependency-health";

const ok = { ping: async () => {} };
const failing = {
  ping: async () => {
    throw new Error("connection refused");
  },
};
const hanging = { ping: () => new Promise<void>(() => {}) };

describe("dependency health", () => {
  it("reports each dependency by name, Redis off when it is not configured", async () => {
    expect(await checkDependencies({ db: ok })).toEqual({ db: "ok", redis: "off" });
    expect(await checkDependencies({ db: ok, redis: { ...ok, ready: () => true } })).toEqual({ db: "ok", redis: "ok" });
    expect(await checkDependencies({ db: failing, redis: { ...ok, ready: () => true } })).toEqual({
      db: "down",
      redis: "ok",
    });
  });

  it("names Redis down at once while its client reconnects, without waiting on a ping", async () => {
    let pinged = false;
    const reconnecting = { ready: () => false, ping: async () => void (pinged = true) };
    expect(await checkDependencies({ db: ok, redis: reconnecting })).toEqual({ db: "ok", redis: "down" });
    expect(pinged).toBe(false);
  });

  it("calls a dependency that does not answer within the budget down, and answers in that time", async () => {
    const started = performance.now();
    const report = await checkDependencies({ db: hanging, redis: { ...hanging, ready: () => true } }, 50);
    expect(report).toEqual({ db: "down", redis: "down" });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("is healthy only with the database up and Redis up or off", () => {
    expect(healthy({ db: "ok", redis: "off" })).toBe(true);
    expect(healthy({ db: "ok", redis: "ok" })).toBe(true);
    expect(healthy({ db: "ok", redis: "down" })).toBe(false);
    expect(healthy({ db: "down", redis: "off" })).toBe(false);
  });
});
