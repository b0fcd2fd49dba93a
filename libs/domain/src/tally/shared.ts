/** Rounds to `digits` decimals; results travel as plain numbers ready to print. */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** part / whole as a percentage rounded to 0.1; 0 when there is nothing to divide by. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100) : 0;
}

/** Percentage of a head count that may be unknown (null) or meaningless (0). */
export function percentOf(part: number, whole: number | null): number | null {
  return whole !== null && whole > 0 ? percent(part, whole) : null;
}

/** A `present` count is used only when it is a real head count. */
export function presentCount(present: number | undefined): number | null {
  return present !== undefined && Number.isInteger(present) && present >= 0 ? present : null;
}

/**
 * Sorts best first (stable, so ties keep the facilitator's option order) and gives
 * competition ranks: tied items share a rank and the next rank skips (1, 1, 3).
 */
export function rankBy<T>(items: readonly T[], compare: (a: T, b: T) => number): (T & { rank: number })[] {
  const sorted = [...items].sort(compare);
  let rank = 1;
  return sorted.map((item, i) => {
    if (i > 0 && compare(sorted[i - 1], item) !== 0) rank = i + 1;
    return { ...item, rank };
  });
}
