import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { tally } from './tally';

const values = (...v: number[]): BallotValue[] => v.map((value) => ({ type: 'scale', value }));

describe('scale', () => {
  const q = { type: 'scale', max: 5, minLabel: 'Pas du tout', maxLabel: 'Tout à fait' } satisfies QuestionConfig;

  it('gives the mean, the median and the distribution over every value of the scale', () => {
    const r = tally(q, values(1, 4, 4, 5, 2));
    expect(r.method).toBe('scale');
    expect(r.mean).toBe(3.2);
    expect(r.median).toBe(4);
    expect(r.distribution.map((d) => [d.value, d.count, d.percent])).toEqual([
      [1, 1, 20], [2, 1, 20], [3, 0, 0], [4, 2, 40], [5, 1, 20],
    ]);
  });

  it('takes the middle of the two central values as the median of an even count', () => {
    expect(tally(q, values(1, 2, 5, 5)).median).toBe(3.5);
  });

  it('has no mean or median without ballots', () => {
    const r = tally(q, []);
    expect([r.mean, r.median]).toEqual([null, null]);
  });
});
