import type { SessionSnapshot } from '@palabre/contracts';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccessError, useConnectionState, usePendingCommands, useSessionSnapshot } from '../../../lib/live';
import { ConnectionBanner } from '../../../ui/ConnectionBanner';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { selectActivity } from '../../session/activities';
import { ActivityPanel } from '../../session/components/ActivityPanel';
import { Agenda } from '../../session/components/Agenda';
import { useAnnounceChanges } from '../../session/hooks/useAnnounceChanges';
import { OutcomesPanel } from '../../outcomes/components/OutcomesPanel';
import { ModerationQueue } from '../../room/components/ModerationQueue';
import { ParticipantsPanel } from '../../room/components/ParticipantsPanel';
import { PlannedDuration } from '../../room/components/PlannedDuration';
import { AddActivityForm } from './AddActivityForm';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ScreenPairingForm } from './ScreenPairingForm';
import { JoinInfo } from './JoinInfo';
import { RunningNow } from '../../room/components/RunningNow';
import { PresenterBar } from './PresenterBar';
import { ThemeSettings } from './ThemeSettings';
import { SessionControls } from './SessionControls';

/** The console's frame reads the session and the agenda: a results or presence event re-renders only what shows it. */
const selectConsoleShell = (snapshot: SessionSnapshot) => ({ session: snapshot.session, activities: snapshot.activities });
const selectPresence = (snapshot: SessionSnapshot) => snapshot.presence;

function LiveParticipantsPanel() {
  const { data: presence } = useSessionSnapshot(selectPresence);
  return presence ? <ParticipantsPanel presence={presence} /> : null;
}

/**
 * The facilitator console: the presenter's run controls on top (agenda, question, projector),
 * then three panels that scroll on their own: agenda and session, the selected activity
 * (questions, builder, settings), moderation and who is here.
 */
export function ConsoleView({ onAccessLost }: { onAccessLost: () => void }) {
  const { t } = useTranslation('staff');
  const { data: snapshot, error } = useSessionSnapshot(selectConsoleShell);
  const connection = useConnectionState();
  const pending = usePendingCommands();
  const accessError = useAccessError();
  const [params] = useSearchParams();
  useDocumentTitle(snapshot ? t('console.pageTitle', { title: snapshot.session.title }) : t('console.title'));
  useAnnounceChanges(snapshot);

  if (accessError) {
    return (
      <div className="stack narrow">
        <ErrorMessage error={accessError} />
        <button type="button" className="button" onClick={onAccessLost}>
          {t('console.reenter')}
        </button>
      </div>
    );
  }
  if (!snapshot) return error ? <ErrorMessage error={error} /> : <Loading />;

  const activity = selectActivity(snapshot.activities, params.get('activity'));
  return (
    <div className="console">
      <ConnectionBanner state={connection} pending={pending} />
      <div className="page-heading console-heading">
        <p>
          <Link to="/staff">{t('console.back')}</Link>
        </p>
        <h1>{snapshot.session.title}</h1>
      </div>
      <PresenterBar sessionId={snapshot.session.id} />
      <div className="console-layout">
        <div className="stack console-panel">
          <Agenda activities={snapshot.activities} selectedId={activity?.id} itemExtra={(a) => <PlannedDuration activity={a} />} />
          <SessionControls session={snapshot.session} />
          <RunningNow />
          <JoinInfo session={snapshot.session} />
          <ScreenPairingForm />
          <ThemeSettings session={snapshot.session} />
        </div>
        <div className="stack console-panel">
          <ActivityPanel activity={activity} surface="console" />
          <AddActivityForm />
          <OutcomesPanel session={snapshot.session} activity={activity} />
        </div>
        <div className="stack console-panel">
          <ModerationQueue />
          <LiveParticipantsPanel />
          <DuplicatesPanel />
        </div>
      </div>
    </div>
  );
}
