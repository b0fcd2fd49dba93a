import type { RankingBallot, RankingConfig, RankingResults } from '@palabre/contracts';
import { rankBy, round } from './shared';

/**
 * Borda count. With n options, a ballot gives n-1 points to its first choice, n-2 to the
 * second … 0 to the last. With top-k, ranked places keep those points (n-1 … n-k) and
 * unranked options get 0, so a top-k ballot weighs like the top of a full ranking.
 * Equal scores are a tie (shared rank): the method has no further tie-break.
 * Expects validated ballots.
 */
export function borda(question: RankingConfig, ballots: readonly RankingBallot[], present: number | null = null): RankingResults {
  const n = question.options.length;
  const score = new Map<string, number>();
  const placeSum = new Map<string, number>();
  const rankedBy = new Map<string, number>();
  for (const b of ballots) {
    b.ranking.forEach((id, place) => {
      score.set(id, (score.get(id) ?? 0) + (n - 1 - place));
      placeSum.set(id, (placeSum.get(id) ?? 0) + place + 1);
      rankedBy.set(id, (rankedBy.get(id) ?? 0) + 1);
    });
  }
  const rows = question.options.map((o) => {
    const by = rankedBy.get(o.id) ?? 0;
    return {
      optionId: o.id,
      score: score.get(o.id) ?? 0,
      // Among ballots that ranked it: with top-k an unranked option has no position.
      meanRank: by > 0 ? round((placeSum.get(o.id) ?? 0) / by, 2) : null,
      rankedBy: by,
    };
  });
  return {
    type: 'ranking',
    method: 'borda',
    ballots: ballots.length,
    present,
    topK: question.topK ?? null,
    options: rankBy(rows, (a, b) => b.score - a.score),
  };
}
