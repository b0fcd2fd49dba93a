// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { QuestionView } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { BuilderQuestionList } from './BuilderQuestionList';
import type { SendCommand } from './QuestionForm';

const ACTIVITY = '6f1c1a52-0b7e-4c57-9d5e-2f6a3c0e8a11';
const question = (id: string, position: number, prompt: string, state: QuestionView['state']): QuestionView => ({
  id, activityId: ACTIVITY, position, prompt, state, config: { type: 'yesno' }, openedAt: null, closedAt: null,
});
const QUESTIONS = [
  question('0b6f4c2e-1d1a-4c1e-8f3a-000000000001', 0, 'Première', 'open'),
  question('0b6f4c2e-1d1a-4c1e-8f3a-000000000002', 1, 'Seconde', 'draft'),
];

describe('builder question list', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
  });
  afterEach(cleanup);

  it('shows type and state, offers removal of drafts only, and moves by position', async () => {
    const fn = vi.fn(async () => ({}));
    render(<BuilderQuestionList questions={QUESTIONS} send={fn as unknown as SendCommand} />);
    expect(screen.getByText('Oui / non / abstention · Vote ouvert')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Supprimer la question « Première »' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Monter la question « Première » (actuellement en position 1)' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Monter la question « Seconde » (actuellement en position 2)' }));
    await waitFor(() => expect(fn).toHaveBeenCalledWith('survey.question.move', { questionId: QUESTIONS[1].id, position: 0 }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Supprimer la question « Seconde »' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer la question « Seconde »' }));
    await waitFor(() => expect(fn).toHaveBeenCalledWith('survey.question.remove', { questionId: QUESTIONS[1].id }));
  });

  it('reorders the options of a draft question, keeping their ids', async () => {
    const fn = vi.fn(async () => ({}));
    const ranking: QuestionView = {
      ...question('0b6f4c2e-1d1a-4c1e-8f3a-000000000003', 0, 'Thèmes', 'draft'),
      config: { type: 'ranking', topK: 2, options: [{ id: 'a', label: 'Mobilités' }, { id: 'b', label: 'Logement' }, { id: 'c', label: 'Énergie' }] },
    };
    render(<BuilderQuestionList questions={[ranking, QUESTIONS[0]]} send={fn as unknown as SendCommand} />);
    expect(screen.getByRole('button', { name: 'Monter l’option « Mobilités » (actuellement en position 1)' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Descendre l’option « Mobilités » (actuellement en position 1)' }));
    await waitFor(() =>
      expect(fn).toHaveBeenCalledWith('survey.question.update', {
        questionId: ranking.id,
        question: { type: 'ranking', topK: 2, prompt: 'Thèmes', options: [{ id: 'b', label: 'Logement' }, { id: 'a', label: 'Mobilités' }, { id: 'c', label: 'Énergie' }] },
      }),
    );
    // Questions already put to the vote keep their options as they are.
    expect(screen.queryByRole('list', { name: 'Options de « Première »' })).toBeNull();
  });
});
