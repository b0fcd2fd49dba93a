import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OpinionsActivityView, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, snapshotKey, useLiveEvent, useLiveSession, useSessionSnapshot } from '../../../lib/live';
import { EMPTY_OPINIONS, withStatement } from '../model';

/** One opinion map as the caller sees it (undefined until the snapshot has it). */
export function useOpinionMap(activityId: string): OpinionsActivityView | undefined {
  return useSessionSnapshot((s) => s.features.opinions?.activities[activityId]).data;
}

/** Replaces one map's view in the cached snapshot; an event older than the snapshot (`version`) is already in it. */
export function usePatchOpinionMap(activityId: string): (update: (view: OpinionsActivityView) => OpinionsActivityView, version?: number) => void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  return useCallback(
    (update, version) => {
      client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
        snapshot && (version === undefined || version >= snapshot.version)
          ? patchFeature(snapshot, 'opinions', (c = EMPTY_OPINIONS) => {
              const view = c.activities[activityId];
              return view ? { activities: { ...c.activities, [activityId]: update(view) } } : c;
            })
          : snapshot,
      );
    },
    [client, sessionId, activityId],
  );
}

/**
 * Keeps one map up to date while one of its views is shown: statements, the recomputed map
 * (displays) and its agreements (everybody; whole states, idempotent) and the caller's group. Like the speakers' list, the kind's events are
 * applied by its views, which keeps its code off the members' entry bundle; a view refetches the
 * snapshot when it mounts for what came while none was shown.
 */
export function useOpinionsEvents(activityId: string, staff: boolean): void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  const patch = usePatchOpinionMap(activityId);
  useEffect(() => {
    void client.invalidateQueries({ queryKey: snapshotKey(sessionId) });
  }, [client, sessionId]);
  useLiveEvent('opinions.statement.updated', ({ statement, version }) => {
    if (statement.activityId === activityId) patch((view) => withStatement(view, statement, staff), version);
  });
  // A recomputed map is a whole state read after its commits: newer than any snapshot taken before.
  // The console and the projectors get the map; everybody gets what the phones show of it.
  useLiveEvent('opinions.map.updated', (payload) => {
    if (payload.activityId === activityId) patch((view) => ({ ...view, map: payload.map }));
  });
  useLiveEvent('opinions.agreements.updated', (payload) => {
    if (payload.activityId === activityId) patch((view) => ({ ...view, agreements: payload.agreements }));
  });
  useLiveEvent('opinions.group.updated', (payload) => {
    if (payload.activityId === activityId) patch((view) => ({ ...view, myGroup: payload.group }));
  });
}
