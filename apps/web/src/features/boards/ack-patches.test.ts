import { QueryClient } from '@tanstack/react-query';
import type { SessionSnapshot } from '@palabre/contracts';
import { describe, expect, it } from 'vitest';
import { snapshotKey } from '../../lib/snapshot-sync';
import { applyAckPatch } from './ack-patches';

const snapshot = (ideaIds: string[]) => ({ version: 3, features: { mine: ideaIds } }) as unknown as SessionSnapshot;
const mine = (s: SessionSnapshot | undefined) => (s?.features as { mine: string[] } | undefined)?.mine;
const addMine = (id: string) => (s: SessionSnapshot) => ({ ...s, features: { mine: [...new Set([...(mine(s) ?? []), id])] } }) as unknown as SessionSnapshot;

describe('applyAckPatch', () => {
  it('keeps my new idea when a snapshot read before my command committed lands after its answer', async () => {
    const client = new QueryClient();
    const key = snapshotKey('s1');
    client.setQueryData(key, snapshot([]));
    let land!: (s: SessionSnapshot) => void;
    const fetching = client.fetchQuery({ queryKey: key, queryFn: () => new Promise<SessionSnapshot>((r) => (land = r)), staleTime: 0 });
    applyAckPatch(client, 's1', addMine('idee-1'));
    expect(mine(client.getQueryData(key))).toEqual(['idee-1']);
    // The sync replays events it buffered during the fetch as soon as it lands (manual updates).
    const replay = client.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'success' && !e.action.manual) client.setQueryData(key, (s: SessionSnapshot | undefined) => s && { ...s, version: 4 });
    });
    land(snapshot([])); // read by the server before the idea was committed
    await fetching;
    replay();
    expect(mine(client.getQueryData(key))).toEqual(['idee-1']);
  });

  it('patches once when no snapshot is loading', () => {
    const client = new QueryClient();
    client.setQueryData(snapshotKey('s1'), snapshot(['a']));
    applyAckPatch(client, 's1', addMine('b'));
    expect(mine(client.getQueryData(snapshotKey('s1')))).toEqual(['a', 'b']);
  });
});
