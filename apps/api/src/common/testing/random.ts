/**
 * Seeded randomness for tests that draw their workload at random, so a failure can be replayed:
 * the seed is in the test's name (jest prints it on failure), and `TEST_SEED=<seed>` runs the
 * same draws again.
 */
export function testSeed(): number {
  const given = process.env.TEST_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`TEST_SEED must be an integer from 0 to 2^32 - 1, not "${given}"`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 32);
}

/** mulberry32: a small, fast generator of floats in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 2 ** 32;
  };
}
