// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { LiveResults, SessionSnapshot } from '@palabre/contracts';
import { setLocale } from '../../../i18n';
import { LiveSessionContext, snapshotQuery } from '../../../lib/live';
import type { LiveConnection } from '../../../lib/socket';
import { SessionView } from './SessionView';

// useAnnounceChanges runs once per render of the page itself: counting its calls counts the page's renders.
const pageRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../hooks/useAnnounceChanges', () => ({ useAnnounceChanges: () => void (pageRenders.count += 1) }));

const SNAPSHOT = {
  version: 1,
  session: { id: 'S', title: 'Plénière de printemps', state: 'live', joinCode: 'OCCITANIE' },
  me: { id: 'P', displayName: 'Inès', role: 'member', groupId: null },
  activities: [],
  presence: { connected: 12 },
  features: { surveys: { surveys: {}, myBallots: {}, results: {} } },
} as unknown as SessionSnapshot;

/** The socket is the only fake: quiet and connected. */
function quietConnection(): LiveConnection {
  const none = () => () => undefined;
  return {
    subscribe: none,
    getState: () => 'connected',
    getAccessError: () => null,
    on: none,
    queue: { subscribe: none, pending: 0, commands: [], refused: [], dismissRefused: () => undefined },
  } as unknown as LiveConnection;
}

describe('the member page', () => {
  afterEach(cleanup);

  it('does not re-render for a results or presence event, only for what it shows', async () => {
    await setLocale('fr');
    const client = new QueryClient();
    const key = snapshotQuery('S', 'T').queryKey;
    client.setQueryData(key, SNAPSHOT);
    render(
      <QueryClientProvider client={client}>
        <LiveSessionContext.Provider value={{ sessionId: 'S', token: 'T', connection: quietConnection() }}>
          <MemoryRouter>
            <SessionView />
          </MemoryRouter>
        </LiveSessionContext.Provider>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Plénière de printemps' })).toBeTruthy();
    const before = pageRenders.count;

    // Live results of a question (a new features object, as the patchers make it).
    const update = (patch: (s: SessionSnapshot) => SessionSnapshot) => act(() => void client.setQueryData<SessionSnapshot>(key, (s) => patch(s!)));
    update((s) => ({ ...s, version: 2, features: { ...s.features, surveys: { surveys: {}, myBallots: {}, results: { q1: { ballots: 3 } as LiveResults } } } }));
    // Someone joins: the count changes on screen, the page does not render again.
    update((s) => ({ ...s, version: 3, presence: { ...s.presence, connected: 13 } }));
    expect(await screen.findByText(/13/)).toBeTruthy();
    expect(pageRenders.count).toBe(before);

    // What the page shows does re-render it.
    update((s) => ({ ...s, version: 4, session: { ...s.session, title: 'Plénière — après-midi' } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Plénière — après-midi' })).toBeTruthy();
    expect(pageRenders.count).toBe(before + 1);
  });
});
