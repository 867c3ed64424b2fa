import { createRealtimeConnection, type SocketLike, type TimerClock } from "./realtime-connection";

/** A socket whose events the test fires by hand. */
class FakeSocket implements SocketLike {
  connected = false;
  connectCalls = 0;
  disconnectCalls = 0;
  options: Record<string, unknown> = {};
  private listeners = new Map<string, ((...args: never[]) => void)[]>();
  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  connect() {
    this.connectCalls += 1;
    return this;
  }
  disconnect() {
    this.disconnectCalls += 1;
    if (this.connected) this.fire("disconnect", "io client disconnect");
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === "connect") this.connected = true;
    if (event === "disconnect") this.connected = false;
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

/** A manual clock: timers run only when the test advances time. */
function fakeClock() {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: TimerClock = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at <= now) {
        timers.delete(id);
        timer.callback();
      }
    }
  };
  return { clock, advance, pending: () => timers.size };
}

/** A hand-fired wake signal (the browser's `online`, a tab made visible). */
function fakeWake() {
  const listeners = new Set<() => void>();
  return {
    source: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: () => [...listeners].forEach((l) => l()),
    count: () => listeners.size,
  };
}

function setup() {
  const socket = new FakeSocket();
  const time = fakeClock();
  const wake = fakeWake();
  const connection = createRealtimeConnection({
    url: "http://localhost:3000",
    io: (_url, options) => {
      socket.options = options as Record<string, unknown>;
      return socket;
    },
    clock: time.clock,
    random: () => 0.5,
    wake: wake.source,
  });
  return { socket, time, connection, wake };
}

describe("realtime connection", () => {
  it("turns off Socket.IO's own reconnection", () => {
    const { socket } = setup();
    expect(socket.options.reconnection).toBe(false);
  });

  it("reports connected and tells the room to join on connect", () => {
    const { socket, connection } = setup();
    const joins = jest.fn();
    connection.onConnect(joins);
    expect(connection.status).toEqual({ state: "connecting" });
    socket.fire("connect");
    expect(connection.status).toEqual({ state: "connected" });
    expect(joins).toHaveBeenCalledTimes(1);
  });

  it("schedules attempt 1 after an unexpected disconnect and connects when the delay passes", () => {
    const { socket, time, connection } = setup();
    socket.fire("connect");
    socket.fire("disconnect", "transport close");
    expect(connection.status).toEqual({
      state: "reconnecting",
      attempt: 1,
      of: 5,
      slow: false,
      next_at_ms: 1_000_000 + 1000,
    });
    time.advance(999);
    expect(socket.connectCalls).toBe(0);
    time.advance(1);
    expect(socket.connectCalls).toBe(1);
  });

  it("backs off 1, 2, 4, 8, 16 seconds, then keeps trying every 10 to 30 seconds without giving up", () => {
    const { socket, time, connection } = setup();
    socket.fire("connect_error", new Error("down"));
    for (let n = 1; n <= 12; n += 1) {
      expect(connection.status).toMatchObject({ state: "reconnecting", attempt: n, slow: n > 5 });
      time.advance(connection.delays[n - 1] ?? 0);
      socket.fire("connect_error", new Error("still down"));
    }
    expect(connection.delays).toEqual([1000, 2000, 4000, 8000, 16000, ...Array(8).fill(20_000)]);
    expect(socket.connectCalls).toBe(12);
    expect(connection.status).toMatchObject({ state: "reconnecting", attempt: 13, slow: true });
    expect(time.pending()).toBe(1);
  });

  it("books only one attempt when several errors arrive together", () => {
    const { socket, time, connection } = setup();
    socket.fire("connect");
    socket.fire("disconnect", "ping timeout");
    socket.fire("connect_error", new Error("again"));
    expect(connection.status).toMatchObject({ attempt: 1 });
    expect(time.pending()).toBe(1);
  });

  it("starts counting again after a successful reconnect and re-joins", () => {
    const { socket, time, connection } = setup();
    const joins = jest.fn();
    connection.onConnect(joins);
    socket.fire("connect");
    socket.fire("disconnect", "transport close");
    time.advance(1000);
    socket.fire("connect_error", new Error("down"));
    time.advance(2000);
    socket.fire("connect");
    expect(joins).toHaveBeenCalledTimes(2);
    socket.fire("disconnect", "transport close");
    expect(connection.status).toMatchObject({ state: "reconnecting", attempt: 1 });
  });

  it("tries at once and starts the quick attempts over when Retry now is pressed", () => {
    const { socket, time, connection } = setup();
    socket.fire("connect_error", new Error("down"));
    for (let n = 1; n <= 6; n += 1) {
      time.advance(30_000);
      socket.fire("connect_error", new Error("down"));
    }
    expect(connection.status).toMatchObject({ state: "reconnecting", slow: true });
    connection.reconnectNow();
    expect(connection.status).toEqual({ state: "connecting" });
    expect(socket.connectCalls).toBe(7);
    expect(time.pending()).toBe(0);
    socket.fire("connect_error", new Error("down"));
    expect(connection.status).toMatchObject({ state: "reconnecting", attempt: 1, slow: false });
  });

  it("tries at once when woken (back online, tab visible), and goes on with the schedule if that fails", () => {
    const { socket, time, connection, wake } = setup();
    socket.fire("connect");
    socket.fire("disconnect", "transport close");
    for (let n = 1; n <= 6; n += 1) {
      time.advance(30_000);
      socket.fire("connect_error", new Error("down"));
    }
    expect(connection.status).toMatchObject({ state: "reconnecting", attempt: 7, slow: true });
    const calls = socket.connectCalls;
    wake.fire();
    expect(socket.connectCalls).toBe(calls + 1);
    expect(time.pending()).toBe(0); // the booked attempt was made now instead
    socket.fire("connect_error", new Error("still down"));
    expect(connection.status).toMatchObject({ state: "reconnecting", attempt: 8, slow: true });
    expect(time.pending()).toBe(1);
    wake.fire();
    socket.fire("connect");
    expect(connection.status).toEqual({ state: "connected" });
  });

  it("ignores a wake while connected and after close", () => {
    const { socket, connection, wake } = setup();
    socket.fire("connect");
    wake.fire();
    expect(socket.connectCalls).toBe(0);
    socket.fire("disconnect", "transport close");
    connection.close();
    wake.fire();
    expect(socket.connectCalls).toBe(0);
    expect(wake.count()).toBe(0);
  });

  it("schedules nothing after an explicit close", () => {
    const { socket, time, connection } = setup();
    const statuses = jest.fn();
    socket.fire("connect");
    connection.onStatus(statuses);
    connection.close();
    socket.fire("connect_error", new Error("late"));
    expect(socket.disconnectCalls).toBe(1);
    expect(time.pending()).toBe(0);
    expect(statuses).not.toHaveBeenCalled();
  });

  it("stops a booked attempt when closed while reconnecting", () => {
    const { socket, time, connection } = setup();
    socket.fire("connect_error", new Error("down"));
    connection.close();
    time.advance(60_000);
    expect(socket.connectCalls).toBe(0);
  });
});
