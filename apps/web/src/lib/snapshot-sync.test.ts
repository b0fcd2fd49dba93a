import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { ActivitySummary, SessionSnapshot } from '@palabre/contracts';
import { ApiError } from './errors';
import { corePatchers } from './patchers';
import { REFETCH_AFTER_FAILURE_MS, SnapshotSync, snapshotKey } from './snapshot-sync';

const SESSION_ID = '6f1c2c64-8a0e-4d43-9a7e-0f5f3b6f2a11';

function activity(id: string, position: number, title = `Activité ${position}`): ActivitySummary {
  return { id, kind: 'survey', title, position, state: 'draft', groupId: null };
}

function snapshot(version: number): SessionSnapshot {
  return {
    version,
    session: {
      id: SESSION_ID,
      title: 'Plénière',
      date: '2026-03-12',
      joinCode: 'PLENIERE',
      accessMode: 'open',
      state: 'live',
      assemblyName: null,
      version,
      hasRoster: false,
    },
    me: { id: 'p1', displayName: 'Alice', role: 'member', memberId: null, groupId: null, verified: false, claimedMemberId: null },
    activities: [activity('a1', 0)],
    presence: { connected: 3 },
    features: {},
  };
}

function setup(version = 5) {
  const client = new QueryClient();
  client.setQueryData(snapshotKey(SESSION_ID), snapshot(version));
  const refetches: number[] = [];
  const sync = new SnapshotSync(client, SESSION_ID, corePatchers, () => refetches.push(1));
  const current = () => client.getQueryData<SessionSnapshot>(snapshotKey(SESSION_ID));
  return { client, sync, refetches, current };
}

describe('SnapshotSync', () => {
  it('applies the next event and moves the snapshot to its version', () => {
    const { sync, current, refetches } = setup(5);
    const outcome = sync.receive('activity.created', { sessionId: SESSION_ID, version: 6, activity: activity('a2', 1, 'Mur') });
    expect(outcome).toBe('applied');
    expect(current()?.version).toBe(6);
    expect(current()?.activities.map((a) => a.title)).toEqual(['Activité 0', 'Mur']);
    expect(refetches).toHaveLength(0);
  });

  it('ignores a stale event (version at or below the snapshot)', () => {
    const { sync, current, refetches } = setup(5);
    const before = current();
    expect(sync.receive('activity.deleted', { sessionId: SESSION_ID, version: 5, activityId: 'a1' })).toBe('stale');
    expect(sync.receive('activity.deleted', { sessionId: SESSION_ID, version: 3, activityId: 'a1' })).toBe('stale');
    expect(current()).toBe(before);
    expect(refetches).toHaveLength(0);
  });

  it('refetches the snapshot when a session event skips a version', () => {
    const { sync, current, refetches } = setup(5);
    const outcome = sync.receive('activity.created', { sessionId: SESSION_ID, version: 8, activity: activity('a2', 1) });
    expect(outcome).toBe('gap');
    expect(refetches).toHaveLength(1);
    expect(current()?.version).toBe(5); // nothing half-applied
  });

  it('applies volatile presence without touching the version, unless older than the snapshot', () => {
    const { sync, current } = setup(5);
    expect(sync.receive('presence.updated', { sessionId: SESSION_ID, version: 5, presence: { connected: 42 } })).toBe('applied');
    expect(current()?.presence.connected).toBe(42);
    expect(current()?.version).toBe(5);
    expect(sync.receive('presence.updated', { sessionId: SESSION_ID, version: 4, presence: { connected: 1 } })).toBe('stale');
    expect(current()?.presence.connected).toBe(42);
  });

  it('keeps the staff list of who is online when a count-only presence follows', () => {
    const { sync, current } = setup(5);
    const online = [{ id: 'p1', displayName: 'Alice', role: 'member' as const }];
    sync.receive('presence.updated', { sessionId: SESSION_ID, version: 5, presence: { connected: 1, online } });
    sync.receive('presence.updated', { sessionId: SESSION_ID, version: 5, presence: { connected: 1 } });
    expect(current()?.presence.online).toEqual(online);
  });

  it('refetches for an event no patcher knows', () => {
    const { sync, refetches } = setup(5);
    expect(sync.receive('participant.revoked', { sessionId: SESSION_ID, version: 6, participantId: 'p1' })).toBe('unhandled');
    expect(refetches).toHaveLength(1);
  });

  it('ignores events of another session and unknown event names', () => {
    const { sync, current } = setup(5);
    const other = '0d7a4b8e-52f1-4c55-8a9b-3f1e0a2c9d44';
    expect(sync.receive('activity.deleted', { sessionId: other, version: 6, activityId: 'a1' })).toBe('stale');
    expect(sync.receive('not.an.event', { version: 6 })).toBe('unhandled');
    expect(current()?.activities).toHaveLength(1);
  });

  it('holds events while the snapshot loads, then replays only the newer ones', async () => {
    const client = new QueryClient();
    const sync = new SnapshotSync(client, SESSION_ID, corePatchers, () => undefined);
    let release: (value: SessionSnapshot) => void = () => undefined;
    const loading = client.fetchQuery({ queryKey: snapshotKey(SESSION_ID), queryFn: () => new Promise<SessionSnapshot>((r) => (release = r)) });

    expect(sync.receive('activity.created', { sessionId: SESSION_ID, version: 5, activity: activity('old', 3) })).toBe('buffered');
    expect(sync.receive('activity.created', { sessionId: SESSION_ID, version: 6, activity: activity('new', 4) })).toBe('buffered');
    release(snapshot(5));
    await loading;

    const result = client.getQueryData<SessionSnapshot>(snapshotKey(SESSION_ID));
    expect(result?.version).toBe(6);
    expect(result?.activities.map((a) => a.id)).toEqual(['a1', 'new']);
  });

  describe('after a snapshot fetch that failed for good', () => {
    afterEach(() => vi.useRealTimers());

    async function failedFetch(error: Error) {
      vi.useFakeTimers();
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      client.setQueryData(snapshotKey(SESSION_ID), snapshot(5));
      const refetches: number[] = [];
      const sync = new SnapshotSync(client, SESSION_ID, corePatchers, () => refetches.push(Date.now()));
      await client.fetchQuery({ queryKey: snapshotKey(SESSION_ID), queryFn: () => Promise.reject(error) }).catch(() => undefined);
      return { client, sync, refetches };
    }

    it('asks again later, backing off, until one succeeds (the events missed while cut come back)', async () => {
      const { client, refetches } = await failedFetch(new Error('socket hang up'));
      expect(refetches).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(REFETCH_AFTER_FAILURE_MS[0]);
      expect(refetches).toHaveLength(1);

      // That one failed too: the next try waits longer.
      await client.fetchQuery({ queryKey: snapshotKey(SESSION_ID), queryFn: () => Promise.reject(new Error('cut')) }).catch(() => undefined);
      await vi.advanceTimersByTimeAsync(REFETCH_AFTER_FAILURE_MS[1] - 1);
      expect(refetches).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(refetches).toHaveLength(2);

      // A success ends the retries.
      await client.fetchQuery({ queryKey: snapshotKey(SESSION_ID), queryFn: () => Promise.resolve(snapshot(9)), staleTime: 0 });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(refetches).toHaveLength(2);
      expect(client.getQueryData<SessionSnapshot>(snapshotKey(SESSION_ID))?.version).toBe(9);
    });

    it('does not insist when the server refused the request (access lost)', async () => {
      const { refetches } = await failedFetch(new ApiError('TOKEN_REVOKED', 'Accès retiré', 401));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(refetches).toHaveLength(0);
    });

    it('stops when disposed (the page left the session)', async () => {
      const { sync, refetches } = await failedFetch(new Error('socket hang up'));
      sync.dispose();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(refetches).toHaveLength(0);
    });
  });
});
