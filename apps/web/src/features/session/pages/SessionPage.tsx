import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LiveSessionProvider } from '../../../lib/live-session';
import { useSessionAuth } from '../../../lib/use-stored-auth';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { snapshotPatchers } from '../../registry';
import { SessionView } from '../components/SessionView';

/**
 * /s/:sessionId — uses the token kept from joining (or the facilitator's console token).
 * A revoked or expired token is kept: the page then says why, and joining again replaces it.
 */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  const asParticipant = useSessionAuth('participant', sessionId);
  const asConsole = useSessionAuth('console', sessionId);
  const auth = asParticipant ?? asConsole;

  if (!auth) return <NotJoined />;
  return (
    <LiveSessionProvider sessionId={sessionId} token={auth.token} patchers={snapshotPatchers}>
      <SessionView joinCode={auth.session.joinCode} />
    </LiveSessionProvider>
  );
}

function NotJoined() {
  const { t } = useTranslation('session');
  useDocumentTitle(t('notJoined.title'));
  return (
    <section className="stack narrow">
      <h1>{t('notJoined.title')}</h1>
      <p>{t('notJoined.body')}</p>
      <p>
        <Link to="/">{t('notJoined.home')}</Link>
      </p>
    </section>
  );
}
