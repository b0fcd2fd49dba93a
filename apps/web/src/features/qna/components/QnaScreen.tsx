import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { ScreenPager } from '../../screen/components/ScreenPager';
import { useFitText } from '../../screen/hooks/useFitText';
import { isSeenByTheRoom, useQna } from '../hooks/useQna';
import { sortQuestions } from '../patchers';

/**
 * The projector: the question "en cours" alone, full screen; without one, the public questions,
 * most supported first, a page at a time.
 */
export function QnaScreen({ activity, questionId }: ActivityViewProps & { questionId?: string }) {
  const { t } = useTranslation('qna');
  const qna = useQna();
  const questions = sortQuestions(qna.questions, activity.id, 'votes').filter(isSeenByTheRoom);
  const current = questions.find((q) => q.id === questionId) ?? questions.find((q) => q.status === 'answering');
  const waiting = questions.filter((q) => q.status === 'visible');
  const text = useFitText<HTMLQuoteElement>(current?.text, 0.4);
  if (current) {
    return (
      <figure className="qna-current">
        <figcaption className="badge">{t('status.answering')}</figcaption>
        <blockquote className="qna-current-text" ref={text}>
          {current.text}
        </blockquote>
        <p className="qna-current-meta">
          {current.authorName ?? t('anonymous')} · {t('votes', { count: current.votes })}
        </p>
      </figure>
    );
  }
  if (waiting.length === 0) return <p className="screen-waiting">{t('screen.waiting')}</p>;
  return (
    <section className="qna-screen-list" aria-label={t('screen.top')}>
      <ScreenPager label={t('screen.top')}>
        {waiting.map((q) => (
          <p key={q.id} className="qna-screen-question" data-question-id={q.id}>
            <span className="qna-screen-text">{q.text}</span> <strong className="qna-screen-votes">{t('votes', { count: q.votes })}</strong>
          </p>
        ))}
      </ScreenPager>
    </section>
  );
}
