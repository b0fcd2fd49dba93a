import '../amendments.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommand } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSurvey } from '../../surveys/hooks/useSurvey';
import { useAmendmentsEvents, useAmendmentText, useRecordAmendment, useRecordText } from '../hooks/useAmendments';
import { TextImport } from '../import/TextImport';
import { Author, Change, Counts, Fate, NumberedText, Place, consolidated } from './shared';

/** The facilitator's console: the text, moderation, voting blocks, votes and results, the consolidated text. */
export function AmendmentsConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('amendments');
  useAmendmentsEvents();
  const text = useAmendmentText(activity.id);
  const { results } = useSurvey(text?.surveyActivityId ?? '');
  const send = useCommand();
  const record = useRecordText();
  const recordOne = useRecordAmendment();
  const [source, setSource] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!text) return <p className="muted">{t('loading')}</p>;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const byId = new Map(text.amendments.map((a) => [a.id, a]));
  const filed = text.amendments.filter((a) => a.status === 'filed');
  const other = text.amendments.filter((a) => a.status === 'inadmissible' || a.status === 'withdrawn');
  const running = text.amendments.some((a) => a.voting) || text.final.state === 'open';
  const moderate = (a: AmendmentView, decision: 'admissible' | 'inadmissible' | 'filed') =>
    run(async () => recordOne(await send('amendment.moderate', { amendmentId: a.id, decision, ...(decision === 'inadmissible' ? { reason: reasons[a.id] ?? '' } : {}) })));

  const row = (a: AmendmentView, block?: { index: number; size: number }) => (
    <li key={a.id} className={`card stack${a.parentId ? ' amend-sub' : ''}`} data-testid={`console-amendment-${a.number}`}>
      <p>
        <strong>{a.parentId ? t('subNumber', { number: a.number }) : t('number', { number: a.number })}</strong> · <Place a={a} /> · <Fate a={a} /> ·{' '}
        <span className="muted"><Author a={a} /></span>
      </p>
      <Change text={text} a={a} />
      {a.reason && <p className="muted" lang="fr">{a.reason}</p>}
      <Counts votes={a.votes} live={a.questionId ? results[a.questionId] : undefined} />
      <div className="row">
        {a.status === 'filed' && (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void moderate(a, 'admissible')}>
              {t('admissible')}
            </button>
            <label>
              {t('inadmissibleReason')} <input type="text" value={reasons[a.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [a.id]: e.target.value })} />
            </label>
            <button type="button" className="button" disabled={busy} onClick={() => void moderate(a, 'inadmissible')}>
              {t('inadmissible')}
            </button>
          </>
        )}
        {(a.status === 'inadmissible' || (a.status === 'admissible' && a.fate === null && !a.voting)) && (
          <button type="button" className="button" disabled={busy} onClick={() => void moderate(a, 'filed')}>
            {t('undo')}
          </button>
        )}
        {a.status === 'admissible' && a.fate === null && !a.voting && (
          <button type="button" className="button button-primary" disabled={busy || running} onClick={() => void run(async () => recordOne(await send('amendment.vote', { amendmentId: a.id, action: 'open' })))}>
            {t('putToVote')}
          </button>
        )}
        {a.voting && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(async () => recordOne(await send('amendment.vote', { amendmentId: a.id, action: 'close' })))}>
            {t('closeVote')}
          </button>
        )}
        {block && !a.parentId && a.fate === null && (
          <>
            <button type="button" className="button" disabled={busy || block.index === 0} aria-label={t('moveUp', { number: a.number })} onClick={() => void run(() => send('amendment.move', { amendmentId: a.id, position: block.index }))}>
              ↑
            </button>
            <button type="button" className="button" disabled={busy || block.index >= block.size - 1} aria-label={t('moveDown', { number: a.number })} onClick={() => void run(() => send('amendment.move', { amendmentId: a.id, position: block.index + 2 }))}>
              ↓
            </button>
          </>
        )}
      </div>
    </li>
  );

  return (
    <div className="stack amend-console">
      {text.amendments.length === 0 && (
        <details className="card stack" open={text.lines.length === 0}>
          <summary>{t('editText')}</summary>
          <TextImport onSource={setSource} />
          <label className="stack">
            {t('source')}
            <textarea rows={12} value={source ?? text.lines.map((l, i) => (i > 0 && text.lines[i - 1].paragraph !== l.paragraph ? `\n${l.text}` : l.text)).join('\n')} onChange={(e) => setSource(e.target.value)} lang="fr" />
          </label>
          <p className="muted">{t('sourceHelp')}</p>
          <button type="button" className="button button-primary" disabled={busy || !source} onClick={() => void run(async () => record(await send('amendments.text.set', { activityId: activity.id, source: source ?? '', format: 'markdown' })))}>
            {t('saveText')}
          </button>
        </details>
      )}
      <div className="row">
        <label>
          {t('deadlineLabel')}{' '}
          <input
            type="datetime-local"
            defaultValue={text.deadline ? new Date(new Date(text.deadline).getTime() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : ''}
            onBlur={(e) => void run(async () => record(await send('amendments.deadline', { activityId: activity.id, deadline: e.target.value ? new Date(e.target.value).toISOString() : null })))}
          />
        </label>
      </div>
      <ErrorMessage error={error} />
      <section className="stack">
        <h2>{t('toModerate', { count: filed.length })}</h2>
        <ul className="amend-list">{filed.map((a) => row(a))}</ul>
      </section>
      <section className="stack">
        <h2>{t('blocks')}</h2>
        {text.blocks.map((b) => {
          const tops = b.order.filter((id) => !byId.get(id)?.parentId);
          return (
            <div key={b.key} className="stack amend-block">
              <h3>{b.from === b.to ? t('place.line', { line: b.from }) : t('place.lines', { from: b.from, to: b.to })}</h3>
              <ol className="amend-list">{b.order.map((id) => byId.get(id)).filter((a): a is AmendmentView => a !== undefined).map((a) => row(a, { index: tops.indexOf(a.id), size: tops.length }))}</ol>
            </div>
          );
        })}
      </section>
      {other.length > 0 && (
        <section className="stack">
          <h2>{t('setAside')}</h2>
          <ul className="amend-list">{other.map((a) => row(a))}</ul>
        </section>
      )}
      <section className="card stack">
        <h2>{t('finalVote')}</h2>
        <Counts votes={text.final.votes} live={text.final.questionId ? results[text.final.questionId] : undefined} />
        {text.final.adopted !== null && <p>{text.final.adopted ? t('textAdopted') : t('textRejected')}</p>}
        {text.final.state === 'none' && (
          <button type="button" className="button button-primary" disabled={busy || running} onClick={() => void run(async () => record(await send('amendments.final', { activityId: activity.id, action: 'open' })))}>
            {t('openFinal')}
          </button>
        )}
        {text.final.state === 'open' && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(async () => record(await send('amendments.final', { activityId: activity.id, action: 'close' })))}>
            {t('closeVote')}
          </button>
        )}
      </section>
      <section className="stack">
        <h2>{t('consolidatedTitle')}</h2>
        <NumberedText lines={consolidated(text)} />
      </section>
    </div>
  );
}
