// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SurveySettings } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { ApiError } from '../../../lib/errors';
import type { SendCommand } from './QuestionForm';
import { SurveySettingsForm } from './SurveySettingsForm';

const ACTIVITY = '6f1c1a52-0b7e-4c57-9d5e-2f6a3c0e8a11';
const SETTINGS: SurveySettings = { anonymity: 'named', resultsVisibility: 'live', shuffle: false };

describe('survey settings form', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
  });
  afterEach(cleanup);

  it('sends the chosen anonymity, visibility and shuffle', async () => {
    const fn = vi.fn(async () => ({ activityId: ACTIVITY, settings: { anonymity: 'anonymous', resultsVisibility: 'staff', shuffle: true }, questions: [] }));
    render(<SurveySettingsForm activityId={ACTIVITY} settings={SETTINGS} send={fn as unknown as SendCommand} />);
    fireEvent.click(screen.getByLabelText('Vote anonyme'));
    fireEvent.click(screen.getByLabelText("Réservés à l'animation jusqu'à la publication"));
    fireEvent.click(screen.getByLabelText('Présenter les options dans un ordre différent à chaque personne'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await waitFor(() => expect(fn).toHaveBeenCalledWith('survey.settings', { activityId: ACTIVITY, anonymity: 'anonymous', resultsVisibility: 'staff', shuffle: true }));
    expect(await screen.findByText('Réglages enregistrés.')).toBeTruthy();
  });

  it('shows SURVEY_SETTINGS_LOCKED and puts the stored settings back', async () => {
    const message = "L'anonymat ne peut plus changer une fois une question ouverte.";
    const fn = vi.fn(async () => {
      throw new ApiError('SURVEY_SETTINGS_LOCKED', message, 409);
    });
    render(<SurveySettingsForm activityId={ACTIVITY} settings={SETTINGS} send={fn as unknown as SendCommand} />);
    fireEvent.click(screen.getByLabelText('Vote anonyme'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByLabelText('Vote nominatif')).toHaveProperty('checked', true);
  });
});
