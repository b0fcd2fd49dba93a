import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandName, QnaQuestionView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommand } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { isSeenByTheRoom, useQna } from '../hooks/useQna';
import { sortQuestions, type QnaSort } from '../patchers';
import { QnaSettingsForm } from './QnaSettingsForm';
import { SortToggle } from './SortToggle';

type Action = Extract<CommandName, 'qna.approve' | 'qna.reject' | 'qna.hide' | 'qna.restore' | 'qna.markAnswering' | 'qna.markAnswered'>;

const ACTIONS: Record<QnaQuestionView['status'], Action[]> = {
  pending: ['qna.approve', 'qna.reject'],
  visible: ['qna.markAnswering', 'qna.markAnswered', 'qna.hide'],
  answering: ['qna.markAnswered', 'qna.hide'],
  answered: ['qna.markAnswering', 'qna.hide'],
  hidden: ['qna.restore'],
  rejected: ['qna.restore'],
  merged: [],
};

/** The facilitators' moderation of one Q&A: queue, en cours, answered, hide, merge, show on screen. */
export function QnaConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('qna');
  const send = useCommand();
  const qna = useQna();
  const [sort, setSort] = useState<QnaSort>('votes');
  const [error, setError] = useState<unknown>(null);
  const questions = sortQuestions(qna.questions, activity.id, sort).filter((q) => q.status !== 'merged');
  const pending = questions.filter((q) => q.status === 'pending');
  const others = questions.filter((q) => q.status !== 'pending');

  async function run(promise: Promise<unknown>) {
    setError(null);
    try {
      await promise;
    } catch (err) {
      setError(err);
    }
  }

  const item = (q: QnaQuestionView) => (
    <li key={q.id} className={`card qna-question qna-${q.status}`}>
      <p className="badge">{t(`status.${q.status}`)}</p>
      <p className="qna-text">{q.text}</p>
      <p className="muted">
        {q.authorName ?? t('anonymous')} · {t('votes', { count: q.votes })}
      </p>
      <div className="button-row">
        {ACTIONS[q.status].map((action) => (
          <button key={action} type="button" className="button" onClick={() => void run(send(action, { questionId: q.id }))}>
            {t(`actions.${action}`)}
          </button>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => void run(send('screen.show', { screen: { view: 'qna', activityId: activity.id, questionId: q.id } }))}
        >
          {t('actions.show')}
        </button>
        {q.status !== 'answering' && <MergeControl question={q} targets={others} onMerge={(intoId) => void run(send('qna.merge', { questionId: q.id, intoId }))} />}
      </div>
    </li>
  );

  return (
    <div className="stack">
      <QnaSettingsForm activityId={activity.id} settings={qna.settings[activity.id]} configure={(payload) => send('qna.configure', payload)} />
      <ErrorMessage error={error} />
      <section aria-labelledby={`${activity.id}-queue`}>
        <h3 id={`${activity.id}-queue`}>{t('console.queue', { count: pending.length })}</h3>
        {pending.length === 0 ? <p className="muted">{t('console.queueEmpty')}</p> : <ul className="stack">{pending.map(item)}</ul>}
      </section>
      <section aria-labelledby={`${activity.id}-published`}>
        <h3 id={`${activity.id}-published`}>{t('console.published')}</h3>
        <SortToggle sort={sort} onChange={setSort} />
        {others.length === 0 ? <p className="muted">{t('empty')}</p> : <ul className="stack">{others.map(item)}</ul>}
      </section>
    </div>
  );
}

function MergeControl({ question, targets, onMerge }: { question: QnaQuestionView; targets: QnaQuestionView[]; onMerge: (intoId: string) => void }) {
  const { t } = useTranslation('qna');
  const id = useId();
  const candidates = targets.filter((q) => q.id !== question.id && isSeenByTheRoom(q));
  const [into, setInto] = useState('');
  if (candidates.length === 0) return null;
  return (
    <span className="merge-control">
      <label htmlFor={id}>{t('merge.label')}</label>
      <select id={id} value={into} onChange={(e) => setInto(e.target.value)}>
        <option value="">{t('merge.choose')}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.text.slice(0, 60)}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={!into} onClick={() => onMerge(into)}>
        {t('merge.submit')}
      </button>
    </span>
  );
}
