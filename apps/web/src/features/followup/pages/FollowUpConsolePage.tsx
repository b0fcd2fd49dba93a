import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus, LoginResponse, OutcomeCandidate, Recommendation, ResponseDecision } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { SelectField } from '../../../ui/SelectField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { RequireStaff } from '../../staff/components/RequireStaff';
import { followUpEndpoints, reportPath } from '../api';
import '../followup.css';

const listKey = ['follow-up', 'list'] as const;
const DECISIONS: readonly ResponseDecision[] = ['accepted', 'partial', 'not_retained'];
const PROGRESS_STATUSES: readonly Exclude<FollowUpStatus, 'pending'>[] = ['planned', 'in_progress', 'done', 'closed'];
const splitList = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function FollowUpConsolePage() {
  return <RequireStaff>{(auth) => <FollowUpConsole auth={auth} />}</RequireStaff>;
}

/** Organisers draw recommendations from sealed sessions, assign and publish them; a service answers its own. */
function FollowUpConsole({ auth }: { auth: LoginResponse }) {
  const { t } = useTranslation('followup');
  useDocumentTitle(t('console.title'));
  const organiser = auth.account.role === 'organiser' || auth.account.role === 'admin';
  const list = useQuery<Recommendation[]>({ queryKey: listKey, queryFn: () => followUpEndpoints.list(auth.token) });
  return (
    <div className="stack">
      <div className="page-heading">
        {organiser && (
          <p>
            <Link to="/staff">{t('console.back')}</Link>
          </p>
        )}
        <h1>{t('console.title')}</h1>
        <p className="muted">{organiser ? t('console.organiserIntro') : t('console.serviceIntro')}</p>
      </div>
      {organiser && <CreateFromOutcomes token={auth.token} />}
      <section className="stack" aria-labelledby="recs-heading">
        <h2 id="recs-heading">{t('console.recommendations')}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorMessage error={list.error} />
        ) : list.data.length === 0 ? (
          <p className="muted">{t('console.none')}</p>
        ) : (
          list.data.map((r) => (organiser ? <OrganiserCard key={r.id} token={auth.token} rec={r} /> : <ServiceCard key={r.id} token={auth.token} rec={r} />))
        )}
      </section>
    </div>
  );
}

function CreateFromOutcomes({ token }: { token: string }) {
  const { t } = useTranslation('followup');
  const client = useQueryClient();
  const announce = useAnnounce();
  const [sessionId, setSessionId] = useState('');
  const [minSupports, setMinSupports] = useState(1);
  const sessions = useQuery({ queryKey: ['follow-up', 'sealed'], queryFn: () => followUpEndpoints.sealedSessions(token) });
  const candidates = useQuery({
    queryKey: ['follow-up', 'candidates', sessionId, minSupports],
    queryFn: () => followUpEndpoints.candidates(token, sessionId, minSupports),
    enabled: sessionId !== '',
  });
  const create = useMutation({
    mutationFn: (c: OutcomeCandidate) =>
      followUpEndpoints.create(token, { sessionId, source: c.ref, minSupports, title: c.evidence.text.slice(0, 200).padEnd(3, '.') }),
    onSuccess: (rec) => {
      announce(t('console.created', { title: rec.title }));
      void client.invalidateQueries({ queryKey: listKey });
    },
  });
  return (
    <section className="card stack" aria-labelledby="create-heading">
      <h2 id="create-heading">{t('console.createTitle')}</h2>
      {sessions.isError && <ErrorMessage error={sessions.error} />}
      <SelectField
        label={t('console.session')}
        value={sessionId}
        onChange={(e) => setSessionId(e.target.value)}
        options={[{ value: '', label: t('console.pickSession') }, ...(sessions.data ?? []).map((s) => ({ value: s.sessionId, label: `${s.title} — ${formatDate(s.date)}` }))]}
      />
      <Field label={t('console.minSupports')} hint={t('console.minSupportsHint')} type="number" min={0} value={minSupports} onChange={(e) => setMinSupports(Math.max(0, Number(e.target.value) || 0))} />
      {candidates.isError && <ErrorMessage error={candidates.error} />}
      {candidates.data && (
        <ul className="stack followup-candidates">
          {candidates.data.map((c) => (
            <li key={`${c.ref.kind}-${c.ref.activityId}-${c.ref.itemId}`} className="followup-candidate">
              <span className="muted">{t(`kind.${c.ref.kind}`)}</span> <span lang={CONTENT_LANG}>{c.evidence.text}</span>
              {c.evidence.figure && <span className="muted"> ({c.evidence.figure})</span>}{' '}
              <button type="button" className="button button-small" disabled={create.isPending} onClick={() => create.mutate(c)} aria-label={t('console.createFrom', { text: c.evidence.text })}>
                {t('console.create')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={create.error} />
    </section>
  );
}

function RecSummary({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation('followup');
  return (
    <>
      <h3 lang={CONTENT_LANG}>{rec.title}</h3>
      <p className="muted" lang={CONTENT_LANG}>
        {t(`kind.${rec.source.kind}`)} — {rec.evidence.sectionTitle} — « {rec.evidence.text} »{rec.evidence.figure ? ` (${rec.evidence.figure})` : ''}
      </p>
      <p>
        <strong>{t(`status.${rec.status}`)}</strong> — {t('percent', { percent: rec.percent })}
        {rec.response && <> — {t(`decision.${rec.response.decision}`)}</>}
        {rec.overdue && <strong className="error"> — {t('overdue')}</strong>}
        {rec.published ? <> — {t('console.isPublished')}</> : <> — {t('console.notPublished')}</>}
      </p>
    </>
  );
}

function OrganiserCard({ token, rec }: { token: string; rec: Recommendation }) {
  const { t } = useTranslation('followup');
  const client = useQueryClient();
  const announce = useAnnounce();
  const instructors = useQuery({ queryKey: ['follow-up', 'instructors'], queryFn: () => followUpEndpoints.instructors(token) });
  const [title, setTitle] = useState(rec.title);
  const [theme, setTheme] = useState(rec.theme ?? '');
  const [territories, setTerritories] = useState(rec.territories.join(', '));
  const [deadline, setDeadline] = useState(rec.deadline ?? '');
  const [assigneeId, setAssigneeId] = useState(rec.assignee?.id ?? '');
  const [published, setPublished] = useState(rec.published);
  const save = useMutation({
    mutationFn: () => followUpEndpoints.update(token, rec.id, { title, theme: theme.trim() || null, territories: splitList(territories), deadline: deadline || null, assigneeId: assigneeId || null, published }),
    onSuccess: () => {
      announce(t('console.saved'));
      void client.invalidateQueries({ queryKey: listKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <article className="card stack" aria-label={rec.title}>
      <RecSummary rec={rec} />
      <p>
        <a href={`/follow-up/${rec.assemblyId}#rec-${rec.id}`}>{t('console.publicPage')}</a> · <a href={reportPath(rec.assemblyId, 'pdf')} onClick={(e) => download(e, token, reportPath(rec.assemblyId, 'pdf'))}>{t('console.reportPdf')}</a> ·{' '}
        <a href={reportPath(rec.assemblyId, 'docx')} onClick={(e) => download(e, token, reportPath(rec.assemblyId, 'docx'))}>{t('console.reportDocx')}</a>
      </p>
      <form className="stack" onSubmit={submit}>
        <Field label={t('console.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} />
        <Field label={t('console.theme')} value={theme} onChange={(e) => setTheme(e.target.value)} maxLength={80} />
        <Field label={t('console.territories')} hint={t('console.territoriesHint')} value={territories} onChange={(e) => setTerritories(e.target.value)} />
        <Field label={t('console.deadline')} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <SelectField
          label={t('console.assignee')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
          options={[{ value: '', label: t('console.nobody') }, ...(instructors.data ?? []).map((i) => ({ value: i.id, label: i.displayName }))]}
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} /> {t('console.publish')}
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('console.save')}
          </button>
        </div>
        <ErrorMessage error={save.error} />
      </form>
    </article>
  );
}

function ServiceCard({ token, rec }: { token: string; rec: Recommendation }) {
  const { t } = useTranslation('followup');
  const client = useQueryClient();
  const announce = useAnnounce();
  const today = new Date().toISOString().slice(0, 10);
  const [decision, setDecision] = useState<ResponseDecision>(rec.response?.decision ?? 'accepted');
  const [reasons, setReasons] = useState(rec.response?.reasons ?? '');
  const [contractRef, setContractRef] = useState(rec.contractRef ?? '');
  const [territories, setTerritories] = useState(rec.territories.join(', '));
  const [date, setDate] = useState(today);
  const [status, setStatus] = useState<Exclude<FollowUpStatus, 'pending'>>(rec.status === 'pending' ? 'in_progress' : rec.status);
  const [percent, setPercent] = useState(rec.percent);
  const [note, setNote] = useState('');
  const done = () => {
    announce(t('console.saved'));
    void client.invalidateQueries({ queryKey: listKey });
  };
  const respond = useMutation({ mutationFn: () => followUpEndpoints.respond(token, rec.id, { decision, reasons, contractRef: contractRef.trim() || null, territories: splitList(territories) }), onSuccess: done });
  const progress = useMutation({
    mutationFn: () => followUpEndpoints.progress(token, rec.id, { date, status, percent, note }),
    onSuccess: () => {
      setNote('');
      done();
    },
  });
  return (
    <article className="card stack" aria-label={rec.title}>
      <RecSummary rec={rec} />
      {rec.deadline && <p>{t('deadline', { date: formatDate(rec.deadline) })}</p>}
      <form
        className="stack"
        aria-label={t('console.responseForm')}
        onSubmit={(e) => {
          e.preventDefault();
          respond.mutate();
        }}
      >
        <h4>{t('response.title')}</h4>
        <SelectField label={t('console.decision')} value={decision} onChange={(e) => setDecision(e.target.value as ResponseDecision)} options={DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))} />
        <div className="field">
          <label htmlFor={`reasons-${rec.id}`}>{t('console.reasons')}</label>
          <textarea id={`reasons-${rec.id}`} value={reasons} onChange={(e) => setReasons(e.target.value)} required maxLength={4000} rows={3} />
        </div>
        <Field label={t('console.contractRef')} value={contractRef} onChange={(e) => setContractRef(e.target.value)} maxLength={120} />
        <Field label={t('console.territories')} hint={t('console.territoriesHint')} value={territories} onChange={(e) => setTerritories(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="button" disabled={respond.isPending}>
            {t('console.sendResponse')}
          </button>
        </div>
        <ErrorMessage error={respond.error} />
      </form>
      {rec.response && (
        <form
          className="stack"
          aria-label={t('console.progressForm')}
          onSubmit={(e) => {
            e.preventDefault();
            progress.mutate();
          }}
        >
          <h4>{t('progress.title')}</h4>
          <Field label={t('console.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          <SelectField
            label={t('console.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value as Exclude<FollowUpStatus, 'pending'>)}
            options={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <Field label={t('console.percent')} type="number" min={0} max={100} value={percent} onChange={(e) => setPercent(Math.min(100, Math.max(0, Number(e.target.value) || 0)))} />
          <Field label={t('console.note')} value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} />
          <div className="button-row">
            <button type="submit" className="button" disabled={progress.isPending}>
              {t('console.addProgress')}
            </button>
          </div>
          <ErrorMessage error={progress.error} />
        </form>
      )}
      {rec.progress.length > 0 && (
        <ol>
          {rec.progress.map((p, i) => (
            <li key={i}>
              {formatDate(p.date)} — {t(`status.${p.status}`)}, {t('percent', { percent: p.percent })} : {p.note}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

/** A report download carries the staff bearer: fetch it, then save the bytes. */
function download(e: { preventDefault(): void }, token: string, path: string): void {
  e.preventDefault();
  void fetch(path, { headers: { Authorization: `Bearer ${token}` } }).then(async (res) => {
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = path.endsWith('docx') ? 'suivi.docx' : 'suivi.pdf';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}
