import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useRoom } from '../hooks/useRoom';

/** Roster members confirm they are here (from their personal link or the desk QR code). */
export function PresenceConfirm() {
  const { t } = useTranslation('room');
  const send = useCommand();
  const announce = useAnnounce();
  const room = useRoom();
  const me = useSessionSnapshot((s) => s.me).data;
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!me || me.role !== 'member' || !me.memberId) return null;
  if (room.presentConfirmed || done) return <p className="muted">{t('presence.confirmed')}</p>;
  return (
    <div className="stack">
      <button
        type="button"
        className="button button-primary"
        onClick={() =>
          void send('presence.confirm', {})
            .then(() => {
              setDone(true);
              announce(t('presence.confirmed'));
            })
            .catch(setError)
        }
      >
        {t('presence.confirm')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
