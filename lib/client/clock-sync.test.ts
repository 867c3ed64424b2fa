import { bestOffset, offsetOf } from "./clock-sync";

describe("clock sync", () => {
  it("puts the server's stamp halfway through the round trip", () => {
    // local clock 5 s behind the server, 100 ms round trip
    expect(offsetOf({ sent: 1_000, received: 1_100, server_time: 6_050 })).toEqual({ offset_ms: 5_000, error_ms: 50 });
  });

  it("trusts the sample with the shortest round trip", () => {
    const samples = [
      { sent: 0, received: 900, server_time: 10_800 }, // a slow trip: off by up to 450 ms
      { sent: 1_000, received: 1_040, server_time: 11_020 },
      { sent: 2_000, received: 2_300, server_time: 12_100 },
    ];
    expect(bestOffset(samples)).toEqual({ offset_ms: 10_000, error_ms: 20 });
  });

  it("has no estimate without samples", () => {
    expect(bestOffset([])).toBeNull();
  });
});
