import '../screen.css';
import { useEffect, type CSSProperties } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionSnapshot } from '@palabre/contracts';
import { useAccessError, useConnectionState, useSessionSnapshot } from '../../../lib/live';
import { ConnectionBanner } from '../../../ui/ConnectionBanner';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { PresenceCount } from '../../session/components/PresenceCount';
import { RoomScreen } from '../../room/components/RoomScreen';
import { WelcomeScreen } from './WelcomeScreen';

export const SCREEN_THEMES = ['default', 'contrast'] as const;
export type ScreenTheme = (typeof SCREEN_THEMES)[number];

/**
 * The theme asked for in the address (`?theme=contrast`: white on black), the default one
 * otherwise — in the organiser's colours and logo when the assembly has a theme.
 */
export function useScreenTheme(): ScreenTheme {
  const [params] = useSearchParams();
  const asked = params.get('theme');
  return SCREEN_THEMES.find((theme) => theme === asked) ?? 'default';
}

/** The projector's frame reads the session alone: a results or presence event does not re-render it. */
const selectScreenShell = (snapshot: SessionSnapshot) => ({ session: snapshot.session });
const selectConnected = (snapshot: SessionSnapshot) => snapshot.presence.connected;

function ScreenPresenceCount() {
  const { data: count = 0 } = useSessionSnapshot(selectConnected);
  return <PresenceCount count={count} className="screen-presence" />;
}

/**
 * The projector, designed for a room of 250 at 1920×1080: a thin header (session, countdown,
 * join code, who is here) over one body that fills the rest of the screen and never scrolls.
 */
export function ScreenView({ onAccessLost }: { onAccessLost: () => void }) {
  const { t } = useTranslation('screen');
  const { data: snapshot, error } = useSessionSnapshot(selectScreenShell);
  const connection = useConnectionState();
  const accessError = useAccessError();
  const contrast = useScreenTheme() === 'contrast';
  useDocumentTitle(snapshot?.session.title);

  // A projector nobody touches must heal itself: a dead token is replaced by a new join.
  useEffect(() => {
    if (accessError) onAccessLost();
  }, [accessError, onAccessLost]);

  if (!snapshot) return error ? <ErrorMessage error={error} /> : <Loading />;
  const { session } = snapshot;
  // The organiser's colours and logo (set per assembly), unless high contrast was asked for.
  const organiser = contrast ? undefined : session.theme;
  const style = organiser ? ({ '--primary': organiser.primary, '--primary-hover': organiser.primary } as CSSProperties) : undefined;

  return (
    <div className="screen" style={style} data-organiser-theme={organiser ? 'true' : undefined}>
      <ConnectionBanner state={connection} />
      <RoomScreen
        header={(showJoin) => (
          <header className="screen-header">
            {organiser?.logo && <img className="screen-logo" src={organiser.logo} alt={session.assemblyName ?? ''} />}
            <h1 className="screen-title">{session.title}</h1>
            {showJoin && (
              <p className="screen-join-strip">
                {t('join.strip', { url: `${window.location.host}/join` })} <strong className="screen-code-inline">{session.joinCode}</strong>
              </p>
            )}
            <ScreenPresenceCount />
          </header>
        )}
        welcome={<WelcomeScreen session={session} />}
      />
    </div>
  );
}
