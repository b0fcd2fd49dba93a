import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { tally } from './tally';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: `Option ${id}` }));

describe('single and multiple choice counts', () => {
  const single = { type: 'single', options: options('a', 'b', 'c') } satisfies QuestionConfig;
  const votes = (...ids: string[]): BallotValue[] => ids.map((optionId) => ({ type: 'single', optionId }));

  it('counts each choice and orders the most chosen first', () => {
    const r = tally(single, votes('b', 'a', 'b', 'b'));
    expect(r.method).toBe('count');
    expect(r.ballots).toBe(4);
    expect(r.options.map((o) => [o.optionId, o.count, o.percent, o.rank])).toEqual([
      ['b', 3, 75, 1],
      ['a', 1, 25, 2],
      ['c', 0, 0, 3],
    ]);
  });

  it('gives tied options the same rank and keeps their order from the question', () => {
    const r = tally(single, votes('c', 'a'));
    expect(r.options.map((o) => [o.optionId, o.rank])).toEqual([['a', 1], ['c', 1], ['b', 3]]);
  });

  it('gives percentages of members present only when the present count is known', () => {
    expect(tally(single, votes('a', 'b')).options[0].percentOfPresent).toBeNull();
    const r = tally(single, votes('a', 'a', 'b'), { present: 10 });
    expect(r.present).toBe(10);
    expect(r.options.map((o) => o.percentOfPresent)).toEqual([20, 10, 0]);
  });

  it('rounds percentages to one decimal', () => {
    expect(tally(single, votes('a', 'b', 'c')).options.map((o) => o.percent)).toEqual([33.3, 33.3, 33.3]);
  });

  it('skips invalid ballots instead of counting them', () => {
    const r = tally(single, [...votes('a', 'zz'), { type: 'yesno', choice: 'yes' }]);
    expect(r.ballots).toBe(1);
    expect(r.options[0]).toMatchObject({ optionId: 'a', count: 1, percent: 100 });
  });

  it('reports zero everywhere when nobody voted', () => {
    const r = tally(single, []);
    expect(r.ballots).toBe(0);
    expect(r.options.every((o) => o.count === 0 && o.percent === 0 && o.rank === 1)).toBe(true);
  });

  it('counts each selection of a multiple choice against the number of ballots', () => {
    const multiple = { type: 'multiple', options: options('a', 'b', 'c'), minSelections: 1, maxSelections: 2 } satisfies QuestionConfig;
    const r = tally(multiple, [
      { type: 'multiple', optionIds: ['a', 'b'] },
      { type: 'multiple', optionIds: ['a'] },
    ]);
    expect(r.options.map((o) => [o.optionId, o.count, o.percent])).toEqual([['a', 2, 100], ['b', 1, 50], ['c', 0, 0]]);
  });
});

describe('yes / no / abstain', () => {
  const yesno = { type: 'yesno' } satisfies QuestionConfig;
  const choices = (...c: ('yes' | 'no' | 'abstain')[]): BallotValue[] => c.map((choice) => ({ type: 'yesno', choice }));

  it('counts each answer and reports yes and no among votes expressed', () => {
    const r = tally(yesno, choices('yes', 'yes', 'yes', 'no', 'abstain'), { present: 8 });
    expect(r.expressed).toBe(4);
    expect(r.choices).toEqual([
      { choice: 'yes', count: 3, percent: 60, percentOfPresent: 37.5, percentOfExpressed: 75 },
      { choice: 'no', count: 1, percent: 20, percentOfPresent: 12.5, percentOfExpressed: 25 },
      { choice: 'abstain', count: 1, percent: 20, percentOfPresent: 12.5, percentOfExpressed: null },
    ]);
  });

  it('has no share of votes expressed when everybody abstained', () => {
    const r = tally(yesno, choices('abstain', 'abstain'));
    expect(r.choices.map((c) => c.percentOfExpressed)).toEqual([null, null, null]);
  });
});
