import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ArchiveDetail, LoginResponse } from '@palabre/contracts';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { RequireStaff } from '../../staff/components/RequireStaff';
import { outcomeEndpoints } from '../api';
import { ExportButtons } from '../components/ExportButtons';
import { RecordView } from '../components/RecordView';
import { useArchiveChange, useArchiveDetail, useVerify } from '../hooks/useArchive';

export function ArchiveDetailPage() {
  return <RequireStaff>{(auth) => <Archive auth={auth} />}</RequireStaff>;
}

/** One sealed session, read-only: downloads, integrity check, publication, retention. */
function Archive({ auth }: { auth: LoginResponse }) {
  const { t } = useTranslation('outcomes');
  const { id = '' } = useParams();
  const detail = useArchiveDetail(auth.token, id);
  useDocumentTitle(detail.data ? t('detail.pageTitle', { title: detail.data.title }) : t('archive.title'));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const a = detail.data;
  return (
    <div className="stack">
      <div className="page-heading">
        <p>
          <Link to="/staff/archive">{t('detail.back')}</Link>
        </p>
        <h1>{a.title}</h1>
        <p className="muted">{t('detail.sealedOn', { date: formatDate(a.date), sealed: formatDate(a.sealedAt) })}</p>
      </div>
      <section className="card stack" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t('detail.downloads')}</h2>
        <ExportButtons token={auth.token} sessionId={a.sessionId} />
      </section>
      <VerifyCard token={auth.token} archive={a} />
      <PublicationCard token={auth.token} archive={a} />
      <RecordView record={a.record} />
    </div>
  );
}

function VerifyCard({ token, archive }: { token: string; archive: ArchiveDetail }) {
  const { t } = useTranslation('outcomes');
  const verify = useVerify(token, archive.sessionId);
  return (
    <section className="card stack" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify.title')}</h2>
      <p className="muted">
        {t('verify.digest')} <code>{archive.digest}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {t('verify.button')}
        </button>
      </div>
      <div aria-live="polite">
        {verify.data &&
          (verify.data.intact ? (
            <p>{t('verify.intact', { length: verify.data.chain.length })}</p>
          ) : (
            <div role="alert">
              <p className="error">{t('verify.broken')}</p>
              <ul>
                {verify.data.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ))}
      </div>
      <ErrorMessage error={verify.error} />
    </section>
  );
}

function PublicationCard({ token, archive }: { token: string; archive: ArchiveDetail }) {
  const { t } = useTranslation('outcomes');
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const publish = useArchiveChange((value: boolean) => outcomeEndpoints.setPublic(token, archive.sessionId, value));
  const pseudonymise = useArchiveChange(() => outcomeEndpoints.pseudonymise(token, archive.sessionId));
  const publicPath = `/public/${archive.joinCode}`;
  return (
    <section className="card stack" aria-labelledby="publication-heading">
      <h2 id="publication-heading">{t('public.title')}</h2>
      <p>{archive.public ? t('public.on') : t('public.off')}</p>
      {archive.public && (
        <p>
          <Link to={publicPath}>{`${window.location.origin}${publicPath}`}</Link>
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate(!archive.public, { onSuccess: (s) => announce(s.public ? t('public.on') : t('public.off')) })}>
          {archive.public ? t('public.unpublish') : t('public.publish')}
        </button>
      </div>
      <ErrorMessage error={publish.error} />
      <h3>{t('retention.title')}</h3>
      {archive.pseudonymisedAt ? (
        <p>{t('retention.done', { date: formatDate(archive.pseudonymisedAt) })}</p>
      ) : (
        <>
          <p className="muted">{t('retention.hint')}</p>
          <div className="button-row">
            {confirming ? (
              <>
                <button type="button" className="button button-primary" disabled={pseudonymise.isPending} onClick={() => pseudonymise.mutate(undefined, { onSuccess: () => announce(t('retention.announce')) })}>
                  {t('retention.confirm')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  {t('seal.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                {t('retention.button')}
              </button>
            )}
          </div>
        </>
      )}
      <ErrorMessage error={pseudonymise.error} />
    </section>
  );
}
