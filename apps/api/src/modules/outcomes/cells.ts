import type { CountCell } from '@palabre/contracts';

/**
 * Counts per value of one dimension, hiding cells under `minCell` (« <5 ») as survey
 * breakdowns do; when the hidden remainder could be deduced from the total and is small,
 * the smallest shown cells are hidden too (same rule as libs/domain's breakdown).
 */
export function countCells<V extends string>(values: readonly V[], observed: readonly (V | null)[], minCell = 5): Record<V, CountCell> {
  const counts = new Map<V, number>(values.map((value) => [value, 0]));
  for (const value of observed) if (value !== null && counts.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  const count = (value: V) => counts.get(value) ?? 0;
  const small = new Set(values.filter((value) => count(value) < minCell));
  const complementary = new Set<V>();
  const shown = () => values.filter((value) => !small.has(value) && !complementary.has(value));
  for (;;) {
    const remainder = observed.length - shown().reduce((sum, value) => sum + count(value), 0);
    const candidates = shown();
    if (remainder === 0 || remainder >= minCell || candidates.length === 0) break;
    complementary.add(candidates.reduce((smallest, value) => (count(value) < count(smallest) ? value : smallest)));
  }
  const result = {} as Record<V, CountCell>;
  for (const value of values) {
    if (small.has(value)) result[value] = { hidden: true, count: `<${minCell}` };
    else if (complementary.has(value)) result[value] = { hidden: true, count: null };
    else result[value] = { hidden: false, count: count(value) };
  }
  return result;
}
