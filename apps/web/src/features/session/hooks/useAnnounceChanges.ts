import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSnapshot } from '@palabre/contracts';
import { useAnnounce } from '../../../ui/Announcer';

interface Seen {
  state: string;
  activities: Map<string, string>;
}

/**
 * Announces (politely) a session opening or closing and activities appearing or changing
 * state, by comparing successive snapshots — so it also works after a resync.
 */
export function useAnnounceChanges(snapshot: { session: Pick<SessionSnapshot['session'], 'state'>; activities: SessionSnapshot['activities'] } | undefined): void {
  const { t } = useTranslation('session');
  const announce = useAnnounce();
  const seen = useRef<Seen | null>(null);

  useEffect(() => {
    if (!snapshot) return;
    const previous = seen.current;
    seen.current = { state: snapshot.session.state, activities: new Map(snapshot.activities.map((a) => [a.id, a.state])) };
    if (!previous) return; // first render: nothing changed yet

    const messages: string[] = [];
    if (previous.state !== snapshot.session.state) messages.push(t(`announce.session.${snapshot.session.state}`));
    for (const activity of snapshot.activities) {
      const before = previous.activities.get(activity.id);
      const state = t(`activityState.${activity.state}`, { defaultValue: activity.state });
      // A draft is the staff's alone: members first see an activity when it opens, and hear it as such.
      if (before === undefined && activity.state !== 'draft') messages.push(t('announce.activityState', { title: activity.title, state }));
      else if (before === undefined) messages.push(t('announce.activityAdded', { title: activity.title }));
      else if (before !== activity.state) messages.push(t('announce.activityState', { title: activity.title, state }));
    }
    if (messages.length > 0) announce(messages.join(' '));
  }, [snapshot, announce, t]);
}
