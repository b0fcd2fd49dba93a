import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { tally } from './tally';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: `Option ${id}` }));
const rankings = (...r: string[][]): BallotValue[] => r.map((ranking) => ({ type: 'ranking', ranking }));

describe('Borda count', () => {
  const full = { type: 'ranking', options: options('a', 'b', 'c') } satisfies QuestionConfig;

  it('gives n-1 points to a first place down to 0 for the last', () => {
    const r = tally(full, rankings(['a', 'b', 'c'], ['b', 'a', 'c'], ['a', 'c', 'b']));
    expect(r.method).toBe('borda');
    expect(r.options.map((o) => [o.optionId, o.score, o.meanRank, o.rank])).toEqual([
      ['a', 5, 1.33, 1],
      ['b', 3, 2, 2],
      ['c', 1, 2.67, 3],
    ]);
  });

  it('ties options with equal scores', () => {
    const r = tally(full, rankings(['a', 'b', 'c'], ['b', 'a', 'c']));
    expect(r.options.map((o) => [o.optionId, o.score, o.rank])).toEqual([['a', 3, 1], ['b', 3, 1], ['c', 0, 3]]);
  });

  it('gives unranked options 0 with top-k and keeps the full-ranking points for ranked places', () => {
    const top2 = { type: 'ranking', options: options('a', 'b', 'c', 'd'), topK: 2 } satisfies QuestionConfig;
    const r = tally(top2, rankings(['a', 'b'], ['c', 'a']));
    expect(r.topK).toBe(2);
    expect(r.options.map((o) => [o.optionId, o.score, o.rankedBy, o.meanRank])).toEqual([
      ['a', 5, 2, 1.5],
      ['c', 3, 1, 1],
      ['b', 2, 1, 2],
      ['d', 0, 0, null],
    ]);
  });
});
