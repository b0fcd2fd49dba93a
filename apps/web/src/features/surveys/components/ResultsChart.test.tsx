// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { LiveResults, QuestionView } from '@palabre/contracts';
import { setLocale } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { QuestionResultsView } from './ResultsChart';

const question = { id: 'q', prompt: 'Note des contrats actuels', config: { type: 'scale', max: 5 } } as unknown as QuestionView;
const live = {
  activityId: 'a',
  questionId: 'q',
  state: 'published',
  ballots: 4,
  present: 6,
  results: {
    type: 'scale',
    method: 'scale',
    ballots: 4,
    max: 5,
    mean: 3.25,
    median: 3.5,
    distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 3 || value === 4 ? 2 : 0, percent: value === 3 || value === 4 ? 50 : 0 })),
  },
} as unknown as LiveResults;

describe('figures in the results follow the locale', () => {
  afterEach(async () => {
    cleanup();
    await setLocale('fr');
  });

  it('writes decimals with a comma in French and a point in English', async () => {
    expect(formatNumber(33.333, 'fr')).toBe('33,3');
    expect(formatNumber(33.333, 'en')).toBe('33.3');
    await setLocale('fr');
    render(<QuestionResultsView question={question} live={live} />);
    expect(screen.getByText('Moyenne 3,3 · médiane 3,5')).toBeTruthy();
    cleanup();
    await setLocale('en');
    render(<QuestionResultsView question={question} live={live} />);
    expect(screen.getByText('Mean 3.3 · median 3.5')).toBeTruthy();
  });
});

describe('the chart plots each method’s own score', () => {
  afterEach(cleanup);

  it('draws majority judgment as a merit profile: one stacked bar of grades per option, best option first', async () => {
    await setLocale('fr');
    const options = [{ id: 'a', label: 'Rejeté' }, { id: 'b', label: 'Plébiscité' }];
    const q = { id: 'q', prompt: 'Mentions', config: { type: 'majority', options, gradeCount: 6 } } as unknown as QuestionView;
    const results = {
      type: 'majority', method: 'majority_judgment', ballots: 4, present: 4, gradeCount: 6,
      options: [
        { optionId: 'b', distribution: [3, 1, 0, 0, 0, 0], majorityGrade: 0, better: 0, worse: 25, rank: 1 },
        { optionId: 'a', distribution: [0, 0, 0, 0, 1, 3], majorityGrade: 5, better: 25, worse: 0, rank: 2 },
      ],
    };
    const { container } = render(<QuestionResultsView question={q} live={{ ...live, results } as unknown as LiveResults} />);
    const rows = [...container.querySelectorAll('.results-bar')];
    expect(rows.map((r) => r.querySelector('.results-label')?.textContent)).toEqual(['1. Plébiscité', '2. Rejeté']);
    expect(rows.map((r) => r.querySelector('.results-value')?.textContent)).toEqual(['Mention majoritaire : Très bien', 'Mention majoritaire : À rejeter']);
    // One segment per grade given, best grade first, as wide as its share of the ballots.
    const widths = rows.map((r) => [...r.querySelectorAll<HTMLElement>('.merit-segment')].map((s) => s.style.width));
    expect(widths).toEqual([['75%', '25%'], ['25%', '75%']]);
  });
});
