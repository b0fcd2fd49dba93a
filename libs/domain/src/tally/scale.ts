import type { ScaleBallot, ScaleConfig, ScaleResults } from '@palabre/contracts';
import { percent, round } from './shared';

/** Mean, median and distribution of a 1..max scale. Expects validated ballots. */
export function tallyScale(question: ScaleConfig, ballots: readonly ScaleBallot[], present: number | null = null): ScaleResults {
  const counts = Array.from({ length: question.max }, () => 0);
  for (const b of ballots) counts[b.value - 1] += 1;
  const values = ballots.map((b) => b.value).sort((a, b) => a - b);
  const n = values.length;
  const mean = n > 0 ? round(values.reduce((a, b) => a + b, 0) / n, 2) : null;
  // A scale is numeric, so the median of an even count is the mean of the two middle values.
  const median = n === 0 ? null : n % 2 === 1 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  return {
    type: 'scale',
    method: 'scale',
    ballots: n,
    present,
    max: question.max,
    mean,
    median,
    distribution: counts.map((count, i) => ({ value: i + 1, count, percent: percent(count, n) })),
  };
}
