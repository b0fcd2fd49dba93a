import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotValue, LiveResults, QuestionView, SurveySettings } from '@palabre/contracts';
import { paperTotalKeys } from '@palabre/domain';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { QuestionVotersPanel } from './RollCall';
import { useChannels } from './useChannels';

/** The choices of a single-choice or yes/no question, for paper and assisted ballots entered from the console. */
function useChoices(question: QuestionView): { key: string; label: string }[] {
  const { t } = useTranslation('surveys');
  const keys = paperTotalKeys(question.config) ?? [];
  return keys.map((key) => ({ key, label: question.config.type === 'single' ? (question.config.options.find((o) => o.id === key)?.label ?? key) : t(`yesno.${key}`) }));
}

function ballotOf(question: QuestionView, key: string): BallotValue {
  return question.config.type === 'single' ? { type: 'single', optionId: key } : { type: 'yesno', choice: key as 'yes' | 'no' | 'abstain' };
}

/** Members of the session as select options. */
function MemberOptions({ onlyPresent }: { onlyPresent?: boolean }) {
  const { members } = useChannels();
  return (
    <>
      {members.filter((m) => !onlyPresent || m.present).map((m) => (
        <option key={m.id} value={m.id}>{m.name}</option>
      ))}
    </>
  );
}

/** A teller enters paper ballots: named (named surveys) or counted totals per option (anonymous surveys). Counted after a second staff confirms. */
function PaperEntryForm({ question, anonymous }: { question: QuestionView; anonymous: boolean }) {
  const { t } = useTranslation('surveys');
  const choices = useChoices(question);
  const enter = useCommandMutation('paper.enter');
  const [member, setMember] = useState('');
  const [choice, setChoice] = useState(choices[0]?.key ?? '');
  const [totals, setTotals] = useState<Record<string, string>>({});
  const [voters, setVoters] = useState<string[]>([]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (anonymous) {
      const counts = Object.fromEntries(choices.map((c) => [c.key, Number(totals[c.key] || 0)]));
      enter.mutate({ questionId: question.id, totals: counts, voterIds: voters }, { onSuccess: () => { setTotals({}); setVoters([]); } });
    } else if (member) enter.mutate({ questionId: question.id, memberId: member, value: ballotOf(question, choice) }, { onSuccess: () => setMember('') });
  };
  return (
    <form className="stack paper-entry" onSubmit={submit}>
      <h4>{t('paper.title')}</h4>
      {anonymous ? (
        <>
          {choices.map((c) => (
            <label key={c.key} className="field">
              <span>{t('paper.totalFor', { option: c.label })}</span>
              <input type="number" min={0} max={10000} inputMode="numeric" value={totals[c.key] ?? ''} onChange={(e) => setTotals({ ...totals, [c.key]: e.target.value })} />
            </label>
          ))}
          <label className="field">
            <span>{t('paper.voters')}</span>
            <select multiple value={voters} onChange={(e) => setVoters(Array.from(e.target.selectedOptions, (o) => o.value))}>
              <MemberOptions />
            </select>
          </label>
        </>
      ) : (
        <>
          <label className="field">
            <span>{t('paper.member')}</span>
            <select value={member} onChange={(e) => setMember(e.target.value)} required>
              <option value="">—</option>
              <MemberOptions />
            </select>
          </label>
          <label className="field">
            <span>{t('paper.choice')}</span>
            <select value={choice} onChange={(e) => setChoice(e.target.value)}>
              {choices.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
            </select>
          </label>
        </>
      )}
      <button type="submit" className="button" disabled={enter.isPending}>{t('paper.enter')}</button>
      <ErrorMessage error={enter.error} />
    </form>
  );
}

/** Paper entries of a question: confirmed ones, and pending ones a second staff account confirms. */
function PaperEntries({ question }: { question: QuestionView }) {
  const { t } = useTranslation('surveys');
  const { paper } = useChannels();
  const confirm = useCommandMutation('paper.confirm');
  const choices = useChoices(question);
  const label = (key: string) => choices.find((c) => c.key === key)?.label ?? key;
  // Totals in the question's order (the database keeps JSON keys in its own order).
  const entries = paper.filter((e) => e.questionId === question.id);
  if (entries.length === 0) return null;
  return (
    <>
      <ul className="paper-entries stack" aria-label={t('paper.entries')}>
        {entries.map((e) => (
          <li key={e.id} data-testid="paper-entry">
            {e.kind === 'named'
              ? `${e.memberName ?? ''} : ${e.value?.type === 'single' ? label(e.value.optionId) : e.value?.type === 'yesno' ? label(e.value.choice) : ''}`
              : choices.filter((c) => e.totals?.[c.key]).map((c) => `${c.label} ${e.totals?.[c.key]}`).join(', ')}{' '}
            <span className="muted">— {t('paper.enteredBy', { name: e.enteredBy })}</span>{' '}
            {e.confirmedBy ? (
              <span className="muted">{t('paper.confirmedBy', { name: e.confirmedBy })}</span>
            ) : (
              <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate({ entryId: e.id })}>{t('paper.confirm')}</button>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage error={confirm.error} />
    </>
  );
}

/** A facilitator casts a named ballot for a present member who asked for help, with their consent. */
function AssistForm({ question, anonymous }: { question: QuestionView; anonymous: boolean }) {
  const { t } = useTranslation('surveys');
  const choices = useChoices(question);
  const assist = useCommandMutation('ballot.assist');
  const [member, setMember] = useState('');
  const [choice, setChoice] = useState(choices[0]?.key ?? '');
  const [consent, setConsent] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!member || !consent) return;
    // Anonymous: a one-off secret made here and never kept, so the console cannot find the ballot again either.
    const ballotSecret = anonymous ? Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('') : undefined;
    assist.mutate({ questionId: question.id, memberId: member, value: ballotOf(question, choice), consent: true, ...(ballotSecret ? { ballotSecret } : {}) }, { onSuccess: () => { setMember(''); setConsent(false); } });
  };
  return (
    <form className="stack assist-form" onSubmit={submit}>
      <h4>{t('assist.title')}</h4>
      <label className="field">
        <span>{t('assist.member')}</span>
        <select value={member} onChange={(e) => setMember(e.target.value)} required>
          <option value="">—</option>
          <MemberOptions onlyPresent />
        </select>
      </label>
      <label className="field">
        <span>{t('paper.choice')}</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          {choices.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} required /> {t('assist.consent')}
      </label>
      <button type="submit" className="button" disabled={assist.isPending || !consent}>{t('assist.submit')}</button>
      {assist.isSuccess && <p role="status">{t('ballot.recorded')}</p>}
      <ErrorMessage error={assist.error} />
    </form>
  );
}

/**
 * Under an open question in the console: paper ballots (entered, then confirmed by another staff
 * account) and assisted ballots, who already voted, and the roll call (docs/proxies.md). Single-choice and yes/no questions only here.
 */
export function QuestionChannels({ question, settings, live }: { question: QuestionView; settings: SurveySettings; live: LiveResults | undefined }) {
  const { t } = useTranslation('surveys');
  if (!paperTotalKeys(question.config)) return null;
  const anonymous = settings.anonymity === 'anonymous';
  return (
    <details className="question-channels" open={question.state === 'open'}>
      <summary>{t('paper.summary')}</summary>
      <div className="stack">
        <QuestionVotersPanel question={question} settings={settings} live={live} />
        <PaperEntries question={question} />
        {question.state === 'open' && <PaperEntryForm question={question} anonymous={anonymous} />}
        {question.state === 'open' && <AssistForm question={question} anonymous={anonymous} />}
      </div>
    </details>
  );
}

/** Members' proxy requests from their phones, pending: approve (the proxy is recorded under the same rules) or decline. */
function ProxyRequests() {
  const { t } = useTranslation('surveys');
  const { requests } = useChannels();
  const decide = useCommandMutation('proxy.decide');
  const pending = requests.filter((r) => r.status === 'pending');
  if (pending.length === 0) return null;
  return (
    <>
      <ul className="stack" aria-label={t('proxyRequests.pendingList')}>
        {pending.map((r) => (
          <li key={r.id} data-testid="proxy-request">
            {t('proxyRequests.line', { giver: r.giverName, holder: r.holderName })}{' '}
            <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate({ requestId: r.id, approve: true })}>{t('proxyRequests.approve')}</button>{' '}
            <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate({ requestId: r.id, approve: false })}>{t('proxyRequests.decline')}</button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={decide.error} />
    </>
  );
}

/** Proxies of the session: enable them, record giver → holder from the signed form, answer members' requests, revoke. */
export function ProxiesPanel() {
  const { t } = useTranslation('surveys');
  const { settings, proxies, requests } = useChannels();
  const save = useCommandMutation('proxy.settings');
  const record = useCommandMutation('proxy.record');
  const revoke = useCommandMutation('proxy.revoke');
  const [giver, setGiver] = useState('');
  const [holder, setHolder] = useState('');
  const [formRef, setFormRef] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (giver && holder && formRef.trim()) record.mutate({ giverId: giver, holderId: holder, formRef: formRef.trim() }, { onSuccess: () => { setGiver(''); setHolder(''); setFormRef(''); } });
  };
  return (
    <details className="card proxies-panel">
      <summary>
        {t('proxy.title', { count: proxies.filter((p) => !p.lapsedAt).length })}
        {requests.some((r) => r.status === 'pending') && <> · {t('proxyRequests.pending_count', { count: requests.filter((r) => r.status === 'pending').length })}</>}
      </summary>
      <div className="stack">
        <ProxyRequests />
        <label className="checkbox">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => save.mutate({ settings: { ...settings, enabled: e.target.checked } })} /> {t('proxy.enabled')}
        </label>
        <label className="field">
          <span>{t('proxy.max')}</span>
          <input type="number" min={1} max={5} value={settings.maxPerHolder} onChange={(e) => save.mutate({ settings: { ...settings, maxPerHolder: Math.min(5, Math.max(1, Number(e.target.value) || 1)) } })} />
        </label>
        <ErrorMessage error={save.error} />
        {settings.enabled && (
          <form className="stack" onSubmit={submit}>
            <label className="field">
              <span>{t('proxy.giver')}</span>
              <select value={giver} onChange={(e) => setGiver(e.target.value)} required>
                <option value="">—</option>
                <MemberOptions />
              </select>
            </label>
            <label className="field">
              <span>{t('proxy.holder')}</span>
              <select value={holder} onChange={(e) => setHolder(e.target.value)} required>
                <option value="">—</option>
                <MemberOptions />
              </select>
            </label>
            <label className="field">
              <span>{t('proxy.formRef')}</span>
              <input value={formRef} onChange={(e) => setFormRef(e.target.value)} maxLength={120} required />
            </label>
            <button type="submit" className="button" disabled={record.isPending}>{t('proxy.record')}</button>
            <ErrorMessage error={record.error} />
          </form>
        )}
        <ul className="stack" aria-label={t('proxy.list')}>
          {proxies.map((p) => (
            <li key={p.id} data-testid="proxy">
              {t('proxy.line', { giver: p.giverName, holder: p.holderName })} <span className="muted">({p.formRef})</span>{' '}
              {p.lapsedAt ? <span className="muted">{t('proxy.lapsed')}</span> : <button type="button" className="button" onClick={() => revoke.mutate({ proxyId: p.id })}>{t('proxy.revoke')}</button>}
            </li>
          ))}
        </ul>
        <ErrorMessage error={revoke.error} />
      </div>
    </details>
  );
}
