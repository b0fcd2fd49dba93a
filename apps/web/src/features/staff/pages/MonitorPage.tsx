import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@palabre/contracts';
import { LiveSessionProvider } from '../../../lib/live-session';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { snapshotPatchers } from '../../registry';
import { MonitorView } from '../components/MonitorView';
import { RequireStaff } from '../components/RequireStaff';
import { useConsoleToken, useSignOutOnAccessLost } from '../hooks/useStaffQueries';

/** /staff/sessions/:id/monitor — the confidence monitor for the lectern, full screen. */
export function MonitorPage() {
  return (
    <main id="main" className="monitor-main">
      <RequireStaff>{(auth) => <Monitor auth={auth} />}</RequireStaff>
    </main>
  );
}

function Monitor({ auth }: { auth: LoginResponse }) {
  const { t } = useTranslation('staff');
  const { id = '' } = useParams();
  const entered = useConsoleToken(auth.token, id);
  useSignOutOnAccessLost(entered.error);
  if (entered.isPending) return <Loading label={t('console.entering')} />;
  if (entered.isError) return <ErrorMessage error={entered.error} />;
  return (
    <LiveSessionProvider sessionId={id} token={entered.data.token} patchers={snapshotPatchers}>
      <MonitorView />
    </LiveSessionProvider>
  );
}
