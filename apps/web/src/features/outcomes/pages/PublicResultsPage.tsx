import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { RecordView } from '../components/RecordView';
import { usePublicResults } from '../hooks/useArchive';

/** Aggregated results of a sealed session, readable without an account when its organiser chose so. */
export function PublicResultsPage() {
  const { t } = useTranslation('outcomes');
  const { code = '' } = useParams();
  const results = usePublicResults(code);
  useDocumentTitle(results.data ? t('publicPage.pageTitle', { title: results.data.session.title }) : t('publicPage.title'));
  if (results.isPending) return <Loading />;
  if (results.isError) return <ErrorMessage error={results.error} />;
  const r = results.data;
  return (
    <div className="stack">
      <div className="page-heading">
        <p className="muted">{r.session.assembly}</p>
        <h1>{r.session.title}</h1>
        <p className="muted">{t('publicPage.subtitle', { date: formatDate(r.session.date) })}</p>
      </div>
      <RecordView record={r} />
      <p className="muted">
        {t('verify.digest')} <code>{r.digest}</code>
      </p>
    </div>
  );
}
