import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { resultChart } from './chart';
import { tally } from './tally';

const options = (...labels: string[]) => labels.map((label, i) => ({ id: `o${i + 1}`, label }));
const rank = (...ids: string[]): BallotValue => ({ type: 'ranking', ranking: ids });
const labels = (config: QuestionConfig) => (key: string) => ('options' in config ? config.options.find((o) => o.id === key)?.label : undefined) ?? key;

describe('the results chart of each method', () => {
  it('plots Borda points for a ranking, most points first, not how many ranked it', () => {
    const q = { type: 'ranking', options: options('Transports', 'Santé', 'Écoles') } satisfies QuestionConfig;
    const ballots = [rank('o2', 'o1', 'o3'), rank('o2', 'o3', 'o1'), rank('o1', 'o2', 'o3')];
    const chart = resultChart(tally(q, ballots), labels(q));
    expect(chart).toMatchObject({ method: 'borda', layout: 'bars', score: 'borda_points', max: 5 });
    // Everyone ranked every option: a chart of « ranked by » would draw three equal bars.
    expect(chart.bars.map((b) => [b.label, b.value, b.rank])).toEqual([['Santé', 5, 1], ['Transports', 3, 2], ['Écoles', 1, 3]]);
  });

  it('plots the points each option received', () => {
    const q = { type: 'points', options: options('A', 'B'), budget: 10 } satisfies QuestionConfig;
    const chart = resultChart(tally(q, [{ type: 'points', allocation: { o1: 3, o2: 7 } }, { type: 'points', allocation: { o1: 1, o2: 9 } }]), labels(q));
    expect(chart.score).toBe('points');
    expect(chart.bars.map((b) => [b.label, b.value])).toEqual([['B', 16], ['A', 4]]);
  });

  it('plots majority judgment as a merit profile: every grade of every option, best option first', () => {
    const q = { type: 'majority', options: options('Rejeté', 'Plébiscité'), gradeCount: 6 } satisfies QuestionConfig;
    const ballots: BallotValue[] = [
      { type: 'majority', grades: { o1: 5, o2: 0 } },
      { type: 'majority', grades: { o1: 5, o2: 1 } },
      { type: 'majority', grades: { o1: 4, o2: 0 } },
    ];
    const chart = resultChart(tally(q, ballots), labels(q));
    expect(chart).toMatchObject({ method: 'majority_judgment', layout: 'merit_profile', gradeCount: 6, max: 3 });
    expect(chart.bars.map((b) => [b.label, b.rank, b.majorityGrade, b.segments])).toEqual([
      ['Plébiscité', 1, 0, [2, 1, 0, 0, 0, 0]],
      ['Rejeté', 2, 5, [0, 0, 0, 0, 1, 2]],
    ]);
    // The bar of the worst-rated option is not the longest: both are as long as the ballots.
    expect(chart.bars.map((b) => b.value)).toEqual([3, 3]);
  });

  it('gives yes / no / abstain three bars, in that order, even when one has no vote', () => {
    const q = { type: 'yesno' } satisfies QuestionConfig;
    const chart = resultChart(tally(q, [{ type: 'yesno', choice: 'no' }, { type: 'yesno', choice: 'no' }, { type: 'yesno', choice: 'abstain' }]), (k) => ({ yes: 'Oui', no: 'Non', abstain: 'Abstention' })[k] ?? k);
    expect(chart.bars.map((b) => [b.key, b.label, b.value])).toEqual([['yes', 'Oui', 0], ['no', 'Non', 2], ['abstain', 'Abstention', 1]]);
    expect(chart.max).toBe(2);
  });

  it('plots a scale’s distribution with its mean and median', () => {
    const q = { type: 'scale', max: 5 } satisfies QuestionConfig;
    const chart = resultChart(tally(q, [1, 4, 4, 5].map((value): BallotValue => ({ type: 'scale', value }))));
    expect(chart.bars.map((b) => [b.key, b.value])).toEqual([['1', 1], ['2', 0], ['3', 0], ['4', 2], ['5', 1]]);
    expect([chart.mean, chart.median]).toEqual([3.5, 4]);
  });

  it('plots votes for single and multiple choice, and answers for a word cloud', () => {
    const single = { type: 'single', options: options('A', 'B') } satisfies QuestionConfig;
    expect(resultChart(tally(single, [{ type: 'single', optionId: 'o2' }])).bars.map((b) => [b.key, b.value, b.rank])).toEqual([['o2', 1, 1], ['o1', 0, 2]]);
    const words = resultChart(tally({ type: 'text' }, [{ type: 'text', text: 'Mobilité' }, { type: 'text', text: 'mobilite et santé' }]));
    expect(words).toMatchObject({ layout: 'words', score: 'answers' });
    expect(words.bars.map((b) => [b.label, b.value])).toEqual([['mobilité', 2], ['santé', 1]]);
  });
});
