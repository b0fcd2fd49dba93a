// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ActivitySummary, EventName, OpinionAgreements, OpinionsActivityView, SessionSnapshot } from '@palabre/contracts';
import { loadFeatureCatalogue, setLocale } from '../../../i18n';
import { LiveSessionContext } from '../../../lib/live';
import type { LiveConnection } from '../../../lib/socket';
import { snapshotKey } from '../../../lib/snapshot-sync';
import { OpinionsParticipant } from './OpinionsParticipant';

const MAP = '00000000-0000-4000-8000-00000000000a';
const [s1, s2, s3] = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const ACTIVITY = { id: MAP, kind: 'opinions', title: 'Carte des opinions', position: 0, state: 'open', groupId: null } as unknown as ActivitySummary;
const statement = (id: string, text: string) => ({ id, activityId: MAP, text, status: 'visible' as const, origin: 'facilitator' as const, createdAt: '2026-12-04T10:00:00.000Z' });

const AGREEMENTS: OpinionAgreements = {
  members: 12,
  groups: [
    { index: 0, size: 7, agreesMost: [{ statementId: s1, share: 0.95 }, { statementId: s3, share: 0.8 }] },
    { index: 1, size: 5, agreesMost: [{ statementId: s2, share: 0.9 }] },
  ],
  consensus: [
    { statementId: s1, direction: 'agree', share: 0.85 },
    { statementId: s2, direction: 'disagree', share: 0.75 },
  ],
};

/** A member's snapshot as the server sends it: the agreements, never the map. */
const VIEW: OpinionsActivityView = {
  settings: { consensusThreshold: 0.6, memberStatements: 'off' },
  statements: [statement(s1, 'Garder les services publics dans les bourgs'), statement(s2, 'Le train avant la route'), statement(s3, 'Un guichet unique')],
  map: null,
  agreements: AGREEMENTS,
  myAnswers: { [s1]: 'agree', [s2]: 'disagree', [s3]: 'agree' },
  next: null,
  myGroup: 0,
};
const SNAPSHOT = { version: 4, features: { opinions: { activities: { [MAP]: VIEW } } } } as unknown as SessionSnapshot;

describe('the member’s phone on an opinion map: what their group and the assembly agree with', () => {
  const handlers = new Map<string, (payload: unknown) => void>();

  beforeEach(async () => {
    await setLocale('fr');
    await loadFeatureCatalogue('opinions');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(SNAPSHOT), { status: 200, headers: { 'Content-Type': 'application/json' } })));
  });
  afterEach(() => {
    cleanup();
    handlers.clear();
    vi.unstubAllGlobals();
  });

  function renderPhone() {
    // The live connection is the only fake: the view, its hooks and the query cache are real.
    const connection = {
      command: vi.fn(),
      on: (name: EventName, handler: (payload: unknown) => void) => {
        handlers.set(name, handler);
        return () => handlers.delete(name);
      },
    } as unknown as LiveConnection;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(snapshotKey('S'), SNAPSHOT);
    render(
      <QueryClientProvider client={client}>
        <LiveSessionContext.Provider value={{ sessionId: 'S', token: 'T', connection }}>
          <OpinionsParticipant activity={ACTIVITY} />
        </LiveSessionContext.Provider>
      </QueryClientProvider>,
    );
    return client;
  }

  it('shows the group’s size and statements and the assembly’s consensus from the agreements, without a map', async () => {
    renderPhone();
    const group = await screen.findByTestId('opinions-my-group');
    expect(group.textContent).toContain('Vous êtes dans le groupe A (7 membres).');
    expect(within(group).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Garder les services publics dans les bourgs (95 % d’accord)',
      'Un guichet unique (80 % d’accord)',
    ]);
    const consensus = screen.getByRole('region', { name: 'Ce qui rassemble l’assemblée' });
    expect(within(consensus).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Garder les services publics dans les bourgs (85 % d’accord)',
      'Le train avant la route (75 % pas d’accord)',
    ]);
  });

  it('follows opinions.agreements.updated: the next map’s agreements replace the last', async () => {
    const client = renderPhone();
    await screen.findByTestId('opinions-my-group');
    // The view refetches the snapshot when it mounts: let that settle before the event.
    await waitFor(() => expect(client.isFetching()).toBe(0));
    const next: OpinionAgreements = { members: 13, groups: [{ index: 0, size: 8, agreesMost: [{ statementId: s2, share: 0.6 }] }], consensus: [] };
    act(() => handlers.get('opinions.agreements.updated')!({ sessionId: 'S', version: 4, activityId: MAP, agreements: next }));
    const group = screen.getByTestId('opinions-my-group');
    await waitFor(() => expect(group.textContent).toContain('Vous êtes dans le groupe A (8 membres).'));
    expect(within(group).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Le train avant la route (60 % d’accord)']);
    expect(screen.queryByRole('region', { name: 'Ce qui rassemble l’assemblée' })).toBeNull();
    // Another map's agreements change nothing here.
    act(() => handlers.get('opinions.agreements.updated')!({ sessionId: 'S', version: 4, activityId: s3, agreements: AGREEMENTS }));
    expect(group.textContent).toContain('(8 membres)');
  });
});
