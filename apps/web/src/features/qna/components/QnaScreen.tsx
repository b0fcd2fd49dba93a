import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { useQna } from '../hooks/useQna';
import { sortQuestions } from '../patchers';

/** The projector: the question "en cours" large, then the most supported ones. */
export function QnaScreen({ activity, questionId }: ActivityViewProps & { questionId?: string }) {
  const { t } = useTranslation('qna');
  const qna = useQna();
  const questions = sortQuestions(qna.questions, activity.id, 'votes').filter((q) => ['visible', 'answering', 'answered'].includes(q.status));
  const current = questions.find((q) => q.id === questionId) ?? questions.find((q) => q.status === 'answering');
  const next = questions.filter((q) => q.status === 'visible' && q.id !== current?.id).slice(0, 5);
  return (
    <div className="stack">
      {current ? (
        <figure className="qna-current">
          <figcaption className="badge">{t('status.answering')}</figcaption>
          <blockquote className="qna-current-text">{current.text}</blockquote>
          <p>
            {current.authorName ?? t('anonymous')} · {t('votes', { count: current.votes })}
          </p>
        </figure>
      ) : (
        <p className="lead">{t('screen.waiting')}</p>
      )}
      {next.length > 0 && (
        <ol className="stack" aria-label={t('screen.top')}>
          {next.map((q) => (
            <li key={q.id}>
              {q.text} — {t('votes', { count: q.votes })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
