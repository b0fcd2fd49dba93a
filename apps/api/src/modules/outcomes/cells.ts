import type { CountCell } from '@palabre/contracts';

/**
 * Counts per value of one dimension, hiding cells under `minCell` (« <5 ») as survey
 * breakdowns do; when the hidden remainder could be deduced from the total and is small,
 * the smallest shown cells are hidden too (same rule as libs/domain's breakdown).
 */
export function countCells<V extends string>(values: readonly V[], observed: readonly (V | null)[], minCell = 5): Record<V, CountCell> {
  const counts = new Map<V, number>(values.map((v) => [v, 0]));
  for (const v of observed) if (v !== null && counts.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  const count = (v: V) => counts.get(v) ?? 0;
  const small = new Set(values.filter((v) => count(v) < minCell));
  const complementary = new Set<V>();
  const shown = () => values.filter((v) => !small.has(v) && !complementary.has(v));
  for (;;) {
    const remainder = observed.length - shown().reduce((sum, v) => sum + count(v), 0);
    const candidates = shown();
    if (remainder === 0 || remainder >= minCell || candidates.length === 0) break;
    complementary.add(candidates.reduce((a, b) => (count(b) < count(a) ? b : a)));
  }
  const result = {} as Record<V, CountCell>;
  for (const v of values) {
    if (small.has(v)) result[v] = { hidden: true, count: `<${minCell}` };
    else if (complementary.has(v)) result[v] = { hidden: true, count: null };
    else result[v] = { hidden: false, count: count(v) };
  }
  return result;
}
