import { Link, useSearchParams } from 'react-router';
import type { SessionSnapshot } from '@palabre/contracts';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANG } from '../../../i18n';
import { useAccessError, useConnectionState, usePendingCommands, useSessionSnapshot } from '../../../lib/live';
import { ConnectionBanner } from '../../../ui/ConnectionBanner';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { RefusedCommands } from '../../../ui/RefusedCommands';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { currentActivity, selectActivity } from '../activities';
import { useAnnounceChanges } from '../hooks/useAnnounceChanges';
import { Countdown } from '../../room/components/Countdown';
import { PresenceConfirm } from '../../room/components/PresenceConfirm';
import { AccessLost } from './AccessLost';
import { ActivityPanel } from './ActivityPanel';
import { Agenda } from './Agenda';
import { PresenceCount } from './PresenceCount';
import { SessionStateBadge } from './SessionStateBadge';

/**
 * What the page itself shows of the snapshot. A results, supports or presence event changes none of
 * it, so the page does not re-render for them (react-query keeps the selection's identity while it
 * is deep-equal); the parts that show those read their own slice.
 */
function selectSessionShell(snapshot: SessionSnapshot) {
  return {
    session: snapshot.session,
    // A snapshot from an older server may lack the agenda: render an empty one rather than crash.
    activities: snapshot.activities ?? [],
    // Phones follow the item the facilitator launched, unless the member picked one in the agenda.
    launchedId: (snapshot.features?.room as { currentActivityId?: string | null } | undefined)?.currentActivityId ?? null,
  };
}

const selectConnected = (snapshot: SessionSnapshot) => snapshot.presence.connected;

/** Who is here, read on its own: a presence event re-renders this line only. */
function LivePresenceCount() {
  const { data: count = 0 } = useSessionSnapshot(selectConnected);
  return <PresenceCount count={count} />;
}

/** A member's view of a live session: header, agenda and the activity being run. */
export function SessionView({ joinCode }: { joinCode?: string }) {
  const { t } = useTranslation('session');
  const { data: snapshot, error, refetch, isFetching } = useSessionSnapshot(selectSessionShell);
  const connection = useConnectionState();
  const pending = usePendingCommands();
  const accessError = useAccessError();
  const [params] = useSearchParams();
  useDocumentTitle(snapshot?.session.title);
  useAnnounceChanges(snapshot);

  if (accessError) return <AccessLost error={accessError} joinCode={snapshot?.session.joinCode ?? joinCode} />;
  if (!snapshot) {
    // Reloaded offline, the app shell comes from the service worker and a vote may wait in the
    // queue: the banner says so while the session cannot be read.
    return (
      <div className="stack narrow">
        <ConnectionBanner state={connection} pending={pending} />
        {error ? (
          <>
            <ErrorMessage error={error} />
            <button type="button" className="button" onClick={() => void refetch()} disabled={isFetching}>
              {t('retry')}
            </button>
          </>
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const { launchedId } = snapshot;
  const activity = selectActivity(snapshot.activities, params.get('activity'), launchedId);
  // A member who opened another item from the agenda is offered the way back to the room's.
  const inRoom = currentActivity(snapshot.activities, launchedId);
  const elsewhere = inRoom && activity && inRoom.id !== activity.id ? inRoom : undefined;
  return (
    <div className="stack">
      <ConnectionBanner state={connection} pending={pending} />
      <RefusedCommands />
      <header className="session-header">
        <h1 lang={CONTENT_LANG}>{snapshot.session.title}</h1>
        <div className="session-meta">
          <SessionStateBadge state={snapshot.session.state} />
          <LivePresenceCount />
        </div>
        <PresenceConfirm />
        <Countdown />
      </header>
      {elsewhere && (
        <p className="current-elsewhere card">
          <Link to={{ search: '' }}>
            {t('current.goTo')} <span lang={CONTENT_LANG}>{elsewhere.title}</span>
          </Link>
        </p>
      )}
      <div className="session-layout">
        <ActivityPanel activity={activity} surface="participant" />
        <Agenda activities={snapshot.activities} selectedId={activity?.id} />
      </div>
    </div>
  );
}
