// One clock for every bench process: CLOCK_MONOTONIC is system-wide on Linux,
// so a time taken in the picker and one taken in a generator process compare
// directly (sub-millisecond, no wall-clock adjustments).
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
