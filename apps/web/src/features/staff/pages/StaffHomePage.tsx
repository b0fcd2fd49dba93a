import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@palabre/contracts';
import { setStaffAuth } from '../../../lib/session-store';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { CreateSessionForm } from '../components/CreateSessionForm';
import { RequireStaff } from '../components/RequireStaff';
import { SessionTable } from '../components/SessionTable';
import { useSignOutOnAccessLost, useStaffSessions } from '../hooks/useStaffQueries';

export function StaffHomePage() {
  return <RequireStaff>{(auth) => <StaffHome auth={auth} />}</RequireStaff>;
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
          <button type="button" className="button button-link" onClick={() => setStaffAuth(null)}>
            {t('signOut')}
          </button>
        </p>
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
