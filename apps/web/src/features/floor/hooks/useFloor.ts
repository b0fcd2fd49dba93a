import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FloorListView, FloorRequestView, FloorSnapshot, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, snapshotKey, useLiveEvent, useLiveSession, useSessionSnapshot } from '../../../lib/live';

const EMPTY: FloorSnapshot = { lists: {}, mine: [] };

export function useFloor(): FloorSnapshot {
  return useSessionSnapshot((s) => s.features.floor ?? EMPTY).data ?? EMPTY;
}

/**
 * Keeps the lists up to date while a floor view is shown: each `floor.list.updated` carries a
 * whole list (idempotent). Events that came while no floor view was shown were not applied, so a
 * view refetches the snapshot when it mounts. Called once by each view.
 */
export function useFloorEvents(): void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  useEffect(() => {
    void client.invalidateQueries({ queryKey: snapshotKey(sessionId) });
  }, [client, sessionId]);
  useLiveEvent('floor.list.updated', ({ list, version }) => {
    client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
      snapshot && version >= snapshot.version
        ? patchFeature(snapshot, 'floor', (c = EMPTY) => ({ ...c, lists: { ...c.lists, [list.activityId]: list } }))
        : snapshot,
    );
  });
}

/** The caller's own request in a list: from the acks and the snapshot, kept while the list still has it. */
export function useMyRequest(activityId: string, list: FloorListView | undefined): FloorRequestView | null {
  const floor = useFloor();
  const mine = floor.mine.filter((r) => r.activityId === activityId);
  if (!list) return null;
  for (const r of mine) {
    if (list.speaker?.id === r.id) return list.speaker;
    const index = list.queue.indexOf(r.id);
    if (index >= 0) return { ...r, state: 'waiting', position: index + 1 };
  }
  return null;
}

/** Records the caller's own request (or its withdrawal) from the ack. */
export function useRecordMine(): (request: FloorRequestView) => void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  return useCallback(
    (request) => {
      client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
        snapshot
          ? patchFeature(snapshot, 'floor', (c = EMPTY) => {
              const lists = { ...c.lists };
              const list = lists[request.activityId];
              // The ack may arrive before the coalesced list: place the request at once.
              if (list && request.state === 'waiting' && !list.queue.includes(request.id)) {
                const queue = [...list.queue];
                queue.splice(Math.min((request.position ?? queue.length + 1) - 1, queue.length), 0, request.id);
                lists[request.activityId] = { ...list, queue };
              }
              if (list && request.state === 'withdrawn') lists[request.activityId] = { ...list, queue: list.queue.filter((id) => id !== request.id) };
              return { ...c, lists, mine: [...c.mine.filter((r) => r.id !== request.id), ...(request.state === 'withdrawn' ? [] : [request])] };
            })
          : snapshot,
      );
    },
    [client, sessionId],
  );
}

/** The speaker's remaining time, ticking locally from the last list received (negative once overrun). */
export function useFloorTimer(list: FloorListView | undefined): number | null {
  const timer = list?.timer ?? null;
  const receivedAt = useMemo(() => Date.now(), [timer]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timer?.running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [timer]);
  if (!timer) return null;
  return timer.running ? timer.remainingMs - Math.max(0, now - receivedAt) : timer.remainingMs;
}

/** « 1:05 », « -0:12 » once overrun. */
export function formatSpeakingClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.ceil(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
