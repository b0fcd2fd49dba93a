import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessError, useConnectionState, useSessionSnapshot } from '../../../lib/live';
import { ConnectionBanner } from '../../../ui/ConnectionBanner';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { QrCode } from '../../../ui/QrCode';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { PresenceCount } from '../../session/components/PresenceCount';
import { joinLink } from '../../session/links';
import { RoomScreen } from '../../room/components/RoomScreen';

/** The projector: how to join (code + QR), who is here, and what the current activity shows. */
export function ScreenView({ onAccessLost }: { onAccessLost: () => void }) {
  const { t } = useTranslation('screen');
  const { data: snapshot, error } = useSessionSnapshot();
  const connection = useConnectionState();
  const accessError = useAccessError();
  useDocumentTitle(snapshot?.session.title);

  // A projector nobody touches must heal itself: a dead token is replaced by a new join.
  useEffect(() => {
    if (accessError) onAccessLost();
  }, [accessError, onAccessLost]);

  if (!snapshot) return error ? <ErrorMessage error={error} /> : <Loading />;
  const { session } = snapshot;
  const link = joinLink(session.joinCode);

  return (
    <div className="screen">
      <ConnectionBanner state={connection} />
      <header className="screen-header">
        <h1>{session.title}</h1>
        <PresenceCount count={snapshot.presence.connected} className="screen-presence" />
      </header>
      <RoomScreen
        welcome={
          <div className="screen-body screen-body-solo">
            <section className="screen-join" aria-labelledby="screen-join-heading">
              <h2 id="screen-join-heading">{t('join.title')}</h2>
              <QrCode value={link} alt={t('join.qrAlt', { code: session.joinCode })} size={360} className="screen-qr" />
              <p className="screen-url">{t('join.url', { url: `${window.location.host}/join` })}</p>
              <p className="screen-code-label">{t('join.codeLabel')}</p>
              <p className="screen-code">{session.joinCode}</p>
            </section>
          </div>
        }
      />
    </div>
  );
}
