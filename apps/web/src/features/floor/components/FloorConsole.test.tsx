// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ActivitySummary, SessionSnapshot } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { LiveSessionContext } from '../../../lib/live';
import type { LiveConnection } from '../../../lib/socket';
import { snapshotKey } from '../../../lib/snapshot-sync';
import { FloorConsole } from './FloorConsole';

const ACTIVITY = { id: '00000000-0000-4000-8000-00000000000a', kind: 'floor', title: 'Débat', position: 0, state: 'open', groupId: null } as unknown as ActivitySummary;
const SNAPSHOT = { version: 1, features: { floor: { lists: {}, mine: [] } } } as unknown as SessionSnapshot;

describe('speakers’ list console: adding a person without a phone', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console view: its page loads them in the app
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(SNAPSHOT), { status: 200, headers: { 'Content-Type': 'application/json' } })));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends what balance needs to know (gender, college, territory), each optional, then clears the form', async () => {
    const command = vi.fn(async () => ({}));
    // The live connection is the only fake: the view, its hooks and the query cache are real.
    const connection = { command, on: () => () => undefined } as unknown as LiveConnection;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(snapshotKey('S'), SNAPSHOT);
    render(
      <QueryClientProvider client={client}>
        <LiveSessionContext.Provider value={{ sessionId: 'S', token: 'T', connection }}>
          <FloorConsole activity={ACTIVITY} />
        </LiveSessionContext.Provider>
      </QueryClientProvider>,
    );
    const name = screen.getByLabelText('Inscrire une personne sans téléphone');
    fireEvent.change(name, { target: { value: ' Josiane Bousquet ' } });
    fireEvent.change(screen.getByLabelText('Genre (facultatif)'), { target: { value: 'femme' } });
    fireEvent.change(screen.getByLabelText('Collège (facultatif)'), { target: { value: 'citoyen' } });
    fireEvent.change(screen.getByLabelText('Type de territoire (facultatif)'), { target: { value: 'territoire_projet' } });
    fireEvent.change(screen.getByLabelText('Territoire (facultatif)'), { target: { value: 'PNR de l’Aubrac' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inscrire' }));
    await waitFor(() =>
      expect(command).toHaveBeenCalledWith('floor.add', {
        activityId: ACTIVITY.id,
        name: 'Josiane Bousquet',
        priority: false,
        gender: 'femme',
        category: 'citoyen',
        territoryType: 'territoire_projet',
        territory: 'PNR de l’Aubrac',
      }),
    );
    await waitFor(() => expect(name).toHaveProperty('value', ''));
    expect(screen.getByLabelText('Genre (facultatif)')).toHaveProperty('value', '');

    // A rapporteur: a name and « prioritaire », nothing guessed about them.
    fireEvent.change(name, { target: { value: 'La rapporteure' } });
    fireEvent.click(screen.getByLabelText('Orateur prioritaire (rapporteur, présidence)'));
    fireEvent.click(screen.getByRole('button', { name: 'Inscrire' }));
    await waitFor(() => expect(command).toHaveBeenLastCalledWith('floor.add', { activityId: ACTIVITY.id, name: 'La rapporteure', priority: true }));
  });
});
