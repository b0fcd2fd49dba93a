// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { ActivitySummary, SurveyTemplate } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { ApiError } from '../../../lib/errors';
import { setStaffAuth } from '../../../lib/session-store';
import { useRefreshTemplates } from '../hooks/useSurveyTemplates';
import type { SendCommand } from './QuestionForm';
import { SurveyCopyActions } from './SurveyCopyActions';
import { TemplatePicker } from './TemplatePicker';

const ACTIVITY = '6f1c1a52-0b7e-4c57-9d5e-2f6a3c0e8a11';
const COPY: ActivitySummary = { id: '0b6f4c2e-1d1a-4c1e-8f3a-0000000000c1', kind: 'survey', title: 'Atelier 1 (copie)', position: 7, state: 'draft', groupId: null };
const TEMPLATE: SurveyTemplate = {
  id: '0b6f4c2e-1d1a-4c1e-8f3a-0000000000a1',
  name: 'Priorités 2027',
  settings: { anonymity: 'named', resultsVisibility: 'live', shuffle: false },
  questions: [{ type: 'yesno', prompt: 'Faut-il continuer ?' }],
  createdAt: '2026-11-26T10:00:00.000Z',
};

function renderActions(send: SendCommand, extra?: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  function Actions() {
    const refresh = useRefreshTemplates();
    return <SurveyCopyActions activityId={ACTIVITY} title="Atelier 1" send={send} onTemplateSaved={refresh} />;
  }
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Actions />
        {extra}
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('survey copy actions', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
    setStaffAuth({ token: 'STAFF', account: { id: '0b6f4c2e-1d1a-4c1e-8f3a-0000000000f1', email: 'animation@palabre.test', displayName: 'Animation', role: 'facilitator' } });
  });
  afterEach(() => {
    cleanup();
    setStaffAuth(null);
    vi.unstubAllGlobals();
  });

  it('duplicates the survey and links to the copy the server created', async () => {
    const fn = vi.fn(async () => COPY);
    renderActions(fn as unknown as SendCommand);
    fireEvent.click(screen.getByRole('button', { name: 'Dupliquer le questionnaire' }));
    await waitFor(() => expect(fn).toHaveBeenCalledWith('survey.duplicate', { activityId: ACTIVITY }));
    expect((await screen.findByRole('status')).textContent).toContain('Copie créée au programme : « Atelier 1 (copie) ».');
    expect(screen.getByRole('link', { name: 'Ouvrir la copie « Atelier 1 (copie) »' }).getAttribute('href')).toBe(`/?activity=${COPY.id}`);
  });

  it('shows the server refusal of a duplicate and creates nothing', async () => {
    const fn = vi.fn(async () => {
      throw new ApiError('FORBIDDEN', 'Action réservée.', 403);
    });
    renderActions(fn as unknown as SendCommand);
    fireEvent.click(screen.getByRole('button', { name: 'Dupliquer le questionnaire' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Action réservée.');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('saves a template under the chosen name and the template list shows it', async () => {
    // The templates route answers nothing at first, then the saved template.
    let stored: SurveyTemplate[] = [];
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      expect(url).toBe('/api/survey-templates');
      expect(init.headers).toMatchObject({ Authorization: 'Bearer STAFF' });
      return new Response(JSON.stringify(stored), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const fn = vi.fn(async () => {
      stored = [TEMPLATE];
      return { templateId: TEMPLATE.id };
    });
    renderActions(fn as unknown as SendCommand, <TemplatePicker selectedId={null} onSelect={() => undefined} />);
    expect(await screen.findByText('Aucun modèle enregistré pour l’instant.')).toBeTruthy();

    const name = screen.getByLabelText('Nom du modèle');
    expect(name).toHaveProperty('value', 'Atelier 1');
    fireEvent.change(name, { target: { value: 'Priorités 2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer comme modèle' }));
    await waitFor(() => expect(fn).toHaveBeenCalledWith('survey.template.save', { activityId: ACTIVITY, name: 'Priorités 2027' }));
    expect(await screen.findByText('Modèle « Priorités 2027 » enregistré : vous pourrez en partir pour un nouveau questionnaire.')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Priorités 2027 · 1 question' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
