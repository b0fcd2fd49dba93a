import type { QuestionConfig } from '@palabre/contracts';
import { tally } from './tally';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: `Option ${id}` }));

describe('points allocation', () => {
  const q = { type: 'points', options: options('a', 'b', 'c'), budget: 100 } satisfies QuestionConfig;

  it('sums the points of each option and gives its share of all points given', () => {
    const r = tally(q, [
      { type: 'points', allocation: { a: 70, b: 30 } },
      { type: 'points', allocation: { b: 50, c: 30 } },
    ]);
    expect(r.method).toBe('points');
    expect(r.totalPoints).toBe(180);
    expect(r.options.map((o) => [o.optionId, o.total, o.share, o.mean, o.rank])).toEqual([
      ['b', 80, 44.4, 40, 1],
      ['a', 70, 38.9, 35, 2],
      ['c', 30, 16.7, 15, 3],
    ]);
  });

  it('ignores a ballot over budget', () => {
    const r = tally(q, [{ type: 'points', allocation: { a: 101 } }, { type: 'points', allocation: { c: 10 } }]);
    expect(r.ballots).toBe(1);
    expect(r.totalPoints).toBe(10);
  });
});
