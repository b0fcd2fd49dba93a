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
