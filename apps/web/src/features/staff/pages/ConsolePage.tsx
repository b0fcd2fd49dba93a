import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@palabre/contracts';
import { LiveSessionProvider } from '../../../lib/live-session';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { snapshotPatchers } from '../../registry';
import { ConsoleView } from '../components/ConsoleView';
import { RequireStaff } from '../components/RequireStaff';
import { useConsoleToken, useSignOutOnAccessLost } from '../hooks/useStaffQueries';

export function ConsolePage() {
  return <RequireStaff>{(auth) => <Console auth={auth} />}</RequireStaff>;
}

/** Enters the session as facilitator/organiser (POST enter), then runs it live. */
function Console({ auth }: { auth: LoginResponse }) {
  const { t } = useTranslation('staff');
  const { id = '' } = useParams();
  const entered = useConsoleToken(auth.token, id);
  useSignOutOnAccessLost(entered.error);
  useDocumentTitle(t('console.title'));

  if (entered.isPending) return <Loading label={t('console.entering')} />;
  if (entered.isError) return <ErrorMessage error={entered.error} />;
  return (
    <LiveSessionProvider sessionId={id} token={entered.data.token} patchers={snapshotPatchers}>
      <ConsoleView onAccessLost={() => void entered.refetch()} />
    </LiveSessionProvider>
  );
}
