import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicFollowUp, PublicRecommendation } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { SelectField } from '../../../ui/SelectField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { feedPath, followUpEndpoints } from '../api';
import { SubscribeForm, SubscriptionLink } from './FollowUpSubscription';
import '../followup.css';

/** Public tracking of an assembly's recommendations: what it said, what the Region answered, where it stands. No account. */
export function FollowUpPublicPage() {
  const { t } = useTranslation('followup');
  const { assemblyId = '' } = useParams();
  // The link of a confirmation or notification email (docs/follow-up.md, "Notifications").
  const [search] = useSearchParams();
  const confirm = search.get('confirm');
  const unsubscribe = search.get('unsubscribe');
  const [theme, setTheme] = useState('');
  const [territory, setTerritory] = useState('');
  const page = useQuery<PublicFollowUp>({
    queryKey: ['follow-up-public', assemblyId, theme, territory],
    queryFn: () => followUpEndpoints.publicPage(assemblyId, { theme, territory }),
    retry: false,
    placeholderData: (previous) => previous,
  });
  useDocumentTitle(page.data ? t('public.pageTitle', { name: page.data.assembly.name }) : t('public.title'));
  if (page.isPending) return <Loading />;
  if (page.isError) return <ErrorMessage error={page.error} />;
  const data = page.data;
  return (
    <div className="stack">
      <div className="page-heading">
        <p className="muted" lang={CONTENT_LANG}>
          {data.assembly.name}
        </p>
        <h1>{t('public.title')}</h1>
        <p className="muted">{t('public.intro')}</p>
        <p>
          <a href={feedPath(assemblyId, 'atom')}>{t('public.atom')}</a> · <a href={feedPath(assemblyId, 'json')}>{t('public.json')}</a> ·{' '}
          <a href="#follow-up-subscribe">{t('subscribe.title')}</a>
        </p>
      </div>
      {confirm && <SubscriptionLink kind="confirm" token={confirm} />}
      {unsubscribe && <SubscriptionLink kind="unsubscribe" token={unsubscribe} />}
      <form className="card stack" aria-labelledby="filters-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="filters-heading">{t('public.filters')}</h2>
        <SelectField label={t('public.theme')} value={theme} onChange={(e) => setTheme(e.target.value)} options={[{ value: '', label: t('public.all') }, ...data.themes.map((v) => ({ value: v, label: v }))]} />
        <SelectField
          label={t('public.territory')}
          value={territory}
          onChange={(e) => setTerritory(e.target.value)}
          options={[{ value: '', label: t('public.all') }, ...data.territories.map((v) => ({ value: v, label: v }))]}
        />
      </form>
      <p role="status">{t('public.count', { count: data.recommendations.length })}</p>
      {data.recommendations.map((r) => (
        <PublicRecommendationCard key={r.id} rec={r} />
      ))}
      <div id="follow-up-subscribe">
        <SubscribeForm assemblyId={assemblyId} />
      </div>
    </div>
  );
}

function PublicRecommendationCard({ rec }: { rec: PublicRecommendation }) {
  const { t } = useTranslation('followup');
  const headingId = `rec-${rec.id}-title`;
  return (
    <article className="card stack followup-card" id={`rec-${rec.id}`} aria-labelledby={headingId}>
      <h2 id={headingId} lang={CONTENT_LANG}>
        {rec.title}
      </h2>
      <p>
        <strong>{t(`status.${rec.status}`)}</strong> — {t('percent', { percent: rec.percent })}
        {rec.overdue && <strong className="error"> — {t('overdue')}</strong>}
      </p>
      <progress max={100} value={rec.percent} aria-label={t('progressLabel', { percent: rec.percent })} />
      {(rec.theme || rec.territories.length > 0) && (
        <p className="muted">
          {rec.theme && <span lang={CONTENT_LANG}>{t('themeIs', { theme: rec.theme })}</span>}
          {rec.theme && rec.territories.length > 0 && ' · '}
          {rec.territories.length > 0 && <span lang={CONTENT_LANG}>{t('territoriesAre', { territories: rec.territories.join(', ') })}</span>}
        </p>
      )}
      {rec.body && <p lang={CONTENT_LANG}>{rec.body}</p>}
      <h3>{t('evidence.title')}</h3>
      <p lang={CONTENT_LANG}>
        {rec.evidence.sectionTitle} — « {rec.evidence.text} »{rec.evidence.figure ? ` (${rec.evidence.figure})` : ''}
      </p>
      <p className="muted">
        {t('evidence.session', { title: rec.session.title, date: formatDate(rec.session.date) })}{' '}
        {rec.evidenceUrl ? <a href={rec.evidenceUrl}>{t('evidence.link')}</a> : t('evidence.notPublic')}
      </p>
      <p className="muted followup-digest">
        {t('evidence.digest')} <code>{rec.archiveDigest}</code>
      </p>
      <h3>{t('response.title')}</h3>
      {rec.response ? (
        <>
          <p>
            <strong>{t(`decision.${rec.response.decision}`)}</strong> — {formatDate(rec.response.at)}
          </p>
          <p lang={CONTENT_LANG}>{rec.response.reasons}</p>
          {rec.contractRef && <p>{t('response.contract', { ref: rec.contractRef })}</p>}
        </>
      ) : (
        <p className="muted">{t('response.none')}</p>
      )}
      {rec.deadline && <p>{t('deadline', { date: formatDate(rec.deadline) })}</p>}
      {rec.progress.length > 0 && (
        <>
          <h3>{t('progress.title')}</h3>
          <ol>
            {rec.progress.map((p, i) => (
              <li key={i}>
                {formatDate(p.date)} — {t(`status.${p.status}`)}, {t('percent', { percent: p.percent })} : <span lang={CONTENT_LANG}>{p.note}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <details>
        <summary>{t('history.title')}</summary>
        <ol>
          {rec.history.map((h, i) => (
            <li key={i}>
              {formatDate(h.at)} — {t(`history.${h.type.replace('recommendation.', '')}`, { defaultValue: h.type })}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
