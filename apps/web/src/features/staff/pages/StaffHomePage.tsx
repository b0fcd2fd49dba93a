import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { CreateSessionForm } from '../components/CreateSessionForm';
import { RequireStaff } from '../components/RequireStaff';
import { SessionTable } from '../components/SessionTable';
import { SignOutButton } from '../components/SignOutButton';
import { useSignOutOnAccessLost, useStaffSessions } from '../hooks/useStaffQueries';

export function StaffHomePage() {
  // An instructing service has no sessions: its home is the follow-up of what is assigned to it.
  return <RequireStaff>{(auth) => (auth.account.role === 'instructor' ? <Navigate to="/staff/follow-up" replace /> : <StaffHome auth={auth} />)}</RequireStaff>;
}

function StaffHome({ auth }: { auth: LoginResponse }) {
  const { t } = useTranslation('staff');
  const sessions = useStaffSessions(auth.token);
  useSignOutOnAccessLost(sessions.error);
  useDocumentTitle(t('sessions.title'));

  return (
    <div className="stack">
      <div className="page-heading">
        <h1>{t('sessions.title')}</h1>
        <p className="muted">
          {t('signedInAs', { name: auth.account.displayName })}{' '}
          <SignOutButton token={auth.token} />
        </p>
        {auth.account.role !== 'facilitator' && (
          <p>
            <Link to="/staff/archive">{t('outcomes:archive.title')}</Link> · <Link to="/staff/follow-up">{t('followup:console.link')}</Link>
          </p>
        )}
      </div>
      <div className="staff-home">
        <div className="card stack">
          {sessions.isPending ? <Loading /> : sessions.isError ? <ErrorMessage error={sessions.error} /> : <SessionTable sessions={sessions.data} />}
        </div>
        <CreateSessionForm token={auth.token} />
      </div>
    </div>
  );
}
