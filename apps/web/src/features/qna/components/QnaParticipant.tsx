import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { useCommand } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useQna, useRecordVote } from '../hooks/useQna';
import { sortQuestions, type QnaSort } from '../patchers';
import { QnaAskForm } from './QnaAskForm';
import { SortToggle } from './SortToggle';

/** A member's phone: ask a question, support others' (once each), sorted by votes or newest. */
export function QnaParticipant({ activity }: ActivityViewProps) {
  const { t } = useTranslation('qna');
  const send = useCommand();
  const announce = useAnnounce();
  const recordVote = useRecordVote();
  const qna = useQna();
  const [sort, setSort] = useState<QnaSort>('votes');
  const [error, setError] = useState<unknown>(null);
  const open = activity.state === 'open';

  async function toggleVote(questionId: string, voted: boolean) {
    setError(null);
    try {
      const result = await send(voted ? 'qna.unvote' : 'qna.upvote', { questionId });
      recordVote(result);
      announce(result.voted ? t('announce.voted') : t('announce.unvoted'));
    } catch (err) {
      setError(err);
    }
  }

  const questions = sortQuestions(qna.questions, activity.id, sort);
  return (
    <div className="stack">
      {open ? (
        <QnaAskForm
          activityId={activity.id}
          settings={qna.settings[activity.id]}
          ask={(payload) => send('qna.ask', payload)}
          onAsked={(question) => announce(question.status === 'pending' ? t('announce.pending') : t('announce.asked'))}
        />
      ) : (
        <p className="muted">{t('closed')}</p>
      )}
      <ErrorMessage error={error} />
      <SortToggle sort={sort} onChange={setSort} />
      {questions.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="stack qna-list" aria-label={t('list')}>
          {questions.map((q) => {
            const voted = qna.myVotes.includes(q.id);
            return (
              <li key={q.id} className={`card qna-question qna-${q.status}`}>
                {q.status !== 'visible' && <p className="badge">{t(`status.${q.status}`)}</p>}
                <p className="qna-text">{q.text}</p>
                <p className="muted">{q.authorName ?? t('anonymous')}</p>
                {(q.status === 'visible' || q.status === 'answering') && open ? (
                  <button type="button" className="button" aria-pressed={voted} onClick={() => void toggleVote(q.id, voted)}>
                    {t('vote', { count: q.votes })}
                  </button>
                ) : (
                  <p>{t('votes', { count: q.votes })}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
