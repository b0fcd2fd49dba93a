import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChannelsFeature, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, snapshotKey, useLiveEvent, useLiveSession, useSessionSnapshot } from '../../../lib/live';

const EMPTY: ChannelsFeature = { settings: { enabled: false, maxPerHolder: 1 }, proxies: [], ballots: {}, members: [], requests: [], paper: [] };
const FEATURE = 'channels';

/** Proxies, members and paper entries (`snapshot.features.channels`, docs/proxies.md). */
export function useChannels(): ChannelsFeature {
  return useSessionSnapshot((s) => s.features.channels ?? EMPTY).data ?? EMPTY;
}

/**
 * Keeps `features.channels` current while a survey view is shown (like the speakers' list, these
 * events are applied by the views, so their code stays out of the members' entry bundle). A view
 * refetches the snapshot when it mounts, for what came while none was shown.
 */
export function useChannelsEvents(): void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  useEffect(() => {
    void client.invalidateQueries({ queryKey: snapshotKey(sessionId) });
  }, [client, sessionId]);
  const patch = (version: number, update: (c: ChannelsFeature) => ChannelsFeature) =>
    client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
      snapshot && version >= snapshot.version ? patchFeature(snapshot, FEATURE, (c = EMPTY) => update(c)) : snapshot,
    );
  useLiveEvent('proxy.updated', ({ proxy, version }) =>
    patch(version, (c) => ({ ...c, proxies: [...c.proxies.filter((p) => p.id !== proxy.id), proxy].sort((a, b) => a.giverName.localeCompare(b.giverName, 'fr')) })),
  );
  // Staff keep the pending requests; a member sees their own latest.
  useLiveEvent('proxy.request.updated', ({ request, version }) => patch(version, (c) => ({ ...c, requests: [...c.requests.filter((r) => r.id !== request.id), request] })));
  useLiveEvent('proxy.settings.updated', ({ settings, version }) => patch(version, (c) => ({ ...c, settings })));
  useLiveEvent('paper.updated', ({ entry, version }) => patch(version, (c) => ({ ...c, paper: [...c.paper.filter((e) => e.id !== entry.id), entry] })));
  useLiveEvent('ballot.recorded', ({ questionId, value, forMemberId, version }) => {
    if (!forMemberId || !value) return;
    patch(version, (c) => ({ ...c, ballots: { ...c.ballots, [forMemberId]: { ...c.ballots[forMemberId], [questionId]: value } } }));
  });
}
