/**
 * The merit profile of one option under majority judgment: the share of each grade (best
 * first) as consecutive segments of one bar, and where the median falls. Local to the charts
 * until libs/domain offers one definition of every method's chart series.
 */
export interface MeritSegment {
  grade: number;
  count: number;
  /** Where the segment starts and how wide it is, as percentages of the bar (0..100). */
  start: number;
  width: number;
}

export function meritProfile(distribution: readonly number[]): MeritSegment[] {
  const total = distribution.reduce((sum, n) => sum + n, 0);
  let start = 0;
  return distribution.map((count, grade) => {
    const width = total === 0 ? 0 : (count / total) * 100;
    const segment = { grade, count, start, width };
    start += width;
    return segment;
  });
}
