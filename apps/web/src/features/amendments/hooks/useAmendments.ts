import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AmendmentTextView, AmendmentView, AmendmentsSnapshot, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, snapshotKey, useLiveEvent, useLiveSession, useSessionSnapshot } from '../../../lib/live';

const EMPTY: AmendmentsSnapshot = { texts: {} };

/** One text put to amendment, as the caller may read it. */
export function useAmendmentText(activityId: string): AmendmentTextView | undefined {
  return useSessionSnapshot((s) => s.features.amendments?.texts[activityId]).data;
}

/**
 * Keeps the texts up to date while an amendments view is shown: each `amendments.updated` carries
 * a whole text (idempotent). A view refetches the snapshot when it mounts (events that came while
 * no such view was shown were not applied). Called once by each view.
 */
export function useAmendmentsEvents(): void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  useEffect(() => {
    void client.invalidateQueries({ queryKey: snapshotKey(sessionId) });
  }, [client, sessionId]);
  useLiveEvent('amendments.updated', ({ text, version }) => {
    const known = client.getQueryData<SessionSnapshot>(snapshotKey(sessionId));
    const lines = text.lines ?? known?.features.amendments?.texts[text.activityId]?.lines;
    // Frozen lines are not sent again: a text never read whole comes with a fresh snapshot.
    if (!lines) return void client.invalidateQueries({ queryKey: snapshotKey(sessionId) });
    client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
      snapshot && version >= snapshot.version
        ? patchFeature(snapshot, 'amendments', (c = EMPTY) => ({ ...c, texts: { ...c.texts, [text.activityId]: { ...text, lines } } }))
        : snapshot,
    );
  });
}

/** Records a text from an ack (staff commands answer the whole text). */
export function useRecordText(): (text: AmendmentTextView) => void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  return (text) =>
    client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
      snapshot ? patchFeature(snapshot, 'amendments', (c = EMPTY) => ({ ...c, texts: { ...c.texts, [text.activityId]: text } })) : snapshot,
    );
}

/** Records one amendment from an ack (the coalesced text follows). */
export function useRecordAmendment(): (amendment: AmendmentView) => void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  return (amendment) =>
    client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
      snapshot
        ? patchFeature(snapshot, 'amendments', (c = EMPTY) => {
            const text = c.texts[amendment.activityId];
            if (!text) return c;
            const amendments = text.amendments.some((a) => a.id === amendment.id) ? text.amendments.map((a) => (a.id === amendment.id ? amendment : a)) : [...text.amendments, amendment];
            return { ...c, texts: { ...c.texts, [text.activityId]: { ...text, amendments } } };
          })
        : snapshot,
    );
}
