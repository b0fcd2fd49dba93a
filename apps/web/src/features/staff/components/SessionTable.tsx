import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '@palabre/contracts';
import { formatDate } from '../../../ui/format';
import { SessionStateBadge } from '../../session/components/SessionStateBadge';

export function SessionTable({ sessions }: { sessions: readonly SessionSummary[] }) {
  const { t } = useTranslation('staff');
  if (sessions.length === 0) return <p>{t('sessions.empty')}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="sessions-caption" tabIndex={0}>
      <table>
        <caption id="sessions-caption">{t('sessions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessions.columns.title')}</th>
            <th scope="col">{t('sessions.columns.date')}</th>
            <th scope="col">{t('sessions.columns.code')}</th>
            <th scope="col">{t('sessions.columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                <Link to={`/staff/sessions/${session.id}`}>{session.title}</Link>
              </th>
              <td>{formatDate(session.date)}</td>
              <td>
                <code className="join-code-inline">{session.joinCode}</code>
              </td>
              <td>
                <SessionStateBadge state={session.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
