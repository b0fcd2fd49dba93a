// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SurveyTemplate } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { LiveSessionContext } from '../../../lib/live';
import { setStaffAuth } from '../../../lib/session-store';
import type { LiveConnection } from '../../../lib/socket';
import { AddActivityForm } from './AddActivityForm';

const TEMPLATE: SurveyTemplate = {
  id: '0b6f4c2e-1d1a-4c1e-8f3a-0000000000a1',
  name: 'Priorités 2027',
  settings: { anonymity: 'anonymous', resultsVisibility: 'staff', shuffle: true },
  questions: [{ type: 'yesno', prompt: 'Faut-il continuer ?' }, { type: 'text', prompt: 'Un mot ?' }],
  createdAt: '2026-11-26T10:00:00.000Z',
};

function renderForm(command: ReturnType<typeof vi.fn>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The live connection is the only fake: the form, the template list and the REST client are real.
  const connection = { command } as unknown as LiveConnection;
  return render(
    <QueryClientProvider client={client}>
      <LiveSessionContext.Provider value={{ sessionId: 'S', token: 'T', connection }}>
        <AddActivityForm />
      </LiveSessionContext.Provider>
    </QueryClientProvider>,
  );
}

describe('add-activity form', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
    setStaffAuth({ token: 'STAFF', account: { id: '0b6f4c2e-1d1a-4c1e-8f3a-0000000000f1', email: 'animation@palabre.test', displayName: 'Animation', role: 'facilitator' } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify([TEMPLATE]), { status: 200 })));
  });
  afterEach(() => {
    cleanup();
    setStaffAuth(null);
    vi.unstubAllGlobals();
  });

  it('creates a survey from a saved template: its settings and questions, titled after it', async () => {
    const command = vi.fn(async () => ({ id: 'x', kind: 'survey', title: 'Priorités 2027', position: 3, state: 'draft', groupId: null }));
    renderForm(command);
    fireEvent.change(await screen.findByLabelText('Partir d’un modèle'), { target: { value: TEMPLATE.id } });
    expect(screen.getByLabelText("Titre de l'activité")).toHaveProperty('value', 'Priorités 2027');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter au programme' }));
    await waitFor(() =>
      expect(command).toHaveBeenCalledWith('activity.create', {
        kind: 'survey',
        title: 'Priorités 2027',
        config: { anonymity: 'anonymous', resultsVisibility: 'staff', shuffle: true, questions: TEMPLATE.questions },
      }),
    );
    await waitFor(() => expect(screen.getByLabelText('Partir d’un modèle')).toHaveProperty('value', ''));
  });

  it('sends no config for an empty survey, nor for another kind of activity', async () => {
    const command = vi.fn(async () => ({ id: 'x', kind: 'board', title: 'Idées', position: 3, state: 'draft', groupId: null }));
    renderForm(command);
    fireEvent.change(await screen.findByLabelText('Partir d’un modèle'), { target: { value: TEMPLATE.id } });
    fireEvent.change(screen.getByLabelText("Type d'activité"), { target: { value: 'board' } });
    expect(screen.queryByLabelText('Partir d’un modèle')).toBeNull();
    fireEvent.change(screen.getByLabelText("Titre de l'activité"), { target: { value: 'Idées' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter au programme' }));
    await waitFor(() => expect(command).toHaveBeenCalledWith('activity.create', { kind: 'board', title: 'Idées' }));
  });
  it('creates a speakers’ list with its speaking time and the balance criteria the facilitator keeps', async () => {
    const command = vi.fn(async () => ({ id: 'x', kind: 'floor', title: 'Débat', position: 3, state: 'draft', groupId: null }));
    renderForm(command);
    fireEvent.change(await screen.findByLabelText("Type d'activité"), { target: { value: 'floor' } });
    expect(screen.getByRole('group', { name: 'Réglages de la liste des orateurs' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Temps de parole par orateur (secondes)'), { target: { value: '90' } });
    fireEvent.click(screen.getByLabelText('Alterner élus et citoyens'));
    fireEvent.change(screen.getByLabelText("Titre de l'activité"), { target: { value: 'Débat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter au programme' }));
    await waitFor(() =>
      expect(command).toHaveBeenCalledWith('activity.create', {
        kind: 'floor',
        title: 'Débat',
        config: { speakingSeconds: 90, rule: { parity: true, category: false, territory: true, time: true } },
      }),
    );
  });
});
