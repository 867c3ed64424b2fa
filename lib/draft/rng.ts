// Seeded randomness for the engine. The engine may only use randomness it was
// given, and a draft must replay exactly from its seed and its human moves, so
// every random draw is keyed by what the decision is about (seed, overall pick,
// team, purpose), never by a shared stream whose position depends on how many
// draws came before, on timing, or on which node made the call.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

// Bound once: inside a vm context (Jest's test environment) every lookup of a
// global such as Math goes through the sandbox and costs ~100 ns, and these
// run for every candidate of every CPU pick.
const { imul, floor } = Math;
const { isSafeInteger } = Number;

const GOLDEN = 0x6d2b79f5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_32 = 4294967296;

/** mulberry32's output function: one well-mixed number in [0, 1) from a 32-bit state. */
function scramble(state: number): number {
  let t = state;
  t = imul(t ^ (t >>> 15), t | 1);
  t ^= t + imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
}

/** mulberry32: tiny, fast and well distributed enough for simulation (not for secrets). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + GOLDEN) >>> 0;
    return scramble(state);
  };
}

/**
 * A 32-bit hash of a list of keys. Each key is hashed with its kind and length
 * first, so ("ab", "c") and ("a", "bc"), or 1 and "1", never collide by
 * construction; murmur3's finaliser spreads nearby inputs (seed 1 and seed 2)
 * across the whole range. Integers are mixed as two 32-bit halves, not as
 * text: this runs for every candidate of every CPU pick.
 */
export function hashKeys(...keys: readonly (string | number)[]): number {
  let h = FNV_OFFSET;
  for (const key of keys) {
    if (typeof key === "number" && isSafeInteger(key)) {
      h = imul(h ^ 0x4e, FNV_PRIME);
      h = imul(h ^ (key >>> 0), FNV_PRIME);
      h = imul(h ^ (floor(key / TWO_32) >>> 0), FNV_PRIME);
      continue;
    }
    const text = String(key);
    h = imul(h ^ (typeof key === "number" ? 0x46 : 0x53), FNV_PRIME);
    h = imul(h ^ text.length, FNV_PRIME);
    for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One uniform draw in [0, 1) for the keys: the first number of rngFor(seed, ...keys), without building a stream. */
export function uniformFor(seed: number, ...keys: readonly (string | number)[]): number {
  return scramble((hashKeys(seed, ...keys) + GOLDEN) >>> 0);
}

/** The random stream for one decision: the same seed and keys always give the same numbers. */
export function rngFor(seed: number, ...keys: readonly (string | number)[]): Rng {
  return mulberry32(hashKeys(seed, ...keys));
}

/** A UUID-shaped id from the seed and what it names (a trade the engine makes): the engine makes no randomness of its own. */
export function seededUuid(seed: number, ...keys: readonly (string | number)[]): string {
  const hex = [0, 1, 2, 3]
    .map((part) =>
      hashKeys(seed, ...keys, part)
        .toString(16)
        .padStart(8, "0"),
    )
    .join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
