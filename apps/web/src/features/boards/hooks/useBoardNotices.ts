import { useTranslation } from 'react-i18next';
import { useLiveEvent } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';

/** Tells a member, politely, when a facilitator acted on their idea or suspended them. */
export function useBoardNotices(activityId: string, meId: string | undefined, onNotice: (message: string) => void): void {
  const { t } = useTranslation('boards');
  const announce = useAnnounce();
  useLiveEvent('idea.moderated', (event) => {
    if (event.activityId !== activityId) return;
    const message = t(`notice.${event.action}`, { title: event.title, reason: event.reason ?? '' });
    onNotice(message);
    announce(message);
  });
  useLiveEvent('participant.blocked', (event) => {
    if (event.participantId !== meId) return;
    const message = t(event.blocked ? 'notice.blocked' : 'notice.unblocked');
    onNotice(message);
    announce(message);
  });
}
