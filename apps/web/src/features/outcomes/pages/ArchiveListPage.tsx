import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { RequireStaff } from '../../staff/components/RequireStaff';
import { useArchiveList } from '../hooks/useArchive';

export function ArchiveListPage() {
  return <RequireStaff>{(auth) => <ArchiveList auth={auth} />}</RequireStaff>;
}

/** Sealed sessions, searchable by title, date and the text of ideas and syntheses. */
function ArchiveList({ auth }: { auth: LoginResponse }) {
  const { t } = useTranslation('outcomes');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const list = useArchiveList(auth.token, q);
  useDocumentTitle(t('archive.title'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <div className="stack">
      <div className="page-heading">
        <p>
          <Link to="/staff">{t('archive.back')}</Link>
        </p>
        <h1>{t('archive.title')}</h1>
      </div>
      <form role="search" className="card stack" onSubmit={submit}>
        <Field label={t('archive.search')} hint={t('archive.searchHint')} type="search" value={draft} maxLength={200} onChange={(e) => setDraft(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('archive.searchButton')}
          </button>
        </div>
      </form>
      <div className="card stack" aria-live="polite">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorMessage error={list.error} />
        ) : list.data.length === 0 ? (
          <p>{q ? t('archive.noMatch', { q }) : t('archive.empty')}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>{t('archive.caption', { count: list.data.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('archive.columns.title')}</th>
                  <th scope="col">{t('archive.columns.date')}</th>
                  <th scope="col">{t('archive.columns.sealedAt')}</th>
                  <th scope="col">{t('archive.columns.public')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((a) => (
                  <tr key={a.sessionId}>
                    <th scope="row">
                      <Link to={`/staff/archive/${a.sessionId}`}>{a.title}</Link>
                    </th>
                    <td>{formatDate(a.date)}</td>
                    <td>{formatDate(a.sealedAt)}</td>
                    <td>{a.public ? t('archive.yes') : t('archive.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
