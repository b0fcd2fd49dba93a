import type { PointsBallot, PointsConfig, PointsResults } from '@palabre/contracts';
import { percent, rankBy, round } from './shared';

/** Sums the points each option received; shares are of all points given. Expects validated ballots. */
export function tallyPoints(question: PointsConfig, ballots: readonly PointsBallot[], present: number | null = null): PointsResults {
  const totals = new Map(question.options.map((o) => [o.id, 0]));
  for (const b of ballots) {
    for (const [id, points] of Object.entries(b.allocation)) {
      if (totals.has(id)) totals.set(id, (totals.get(id) ?? 0) + points);
    }
  }
  const totalPoints = [...totals.values()].reduce((a, b) => a + b, 0);
  const rows = question.options.map((o) => {
    const total = totals.get(o.id) ?? 0;
    return {
      optionId: o.id,
      total,
      share: percent(total, totalPoints),
      mean: ballots.length > 0 ? round(total / ballots.length, 2) : 0,
    };
  });
  return {
    type: 'points',
    method: 'points',
    ballots: ballots.length,
    present,
    budget: question.budget,
    totalPoints,
    options: rankBy(rows, (a, b) => b.total - a.total),
  };
}
