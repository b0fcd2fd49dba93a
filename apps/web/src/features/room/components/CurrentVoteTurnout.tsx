import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionSnapshot } from '../../../lib/live';
import { currentSurveyTurnout, type QuestionTurnout } from '../turnout';

/** Console participants panel: how many of the members present voted on the current survey, live. */
export function CurrentVoteTurnout() {
  const current = useSessionSnapshot(currentSurveyTurnout).data ?? null;
  return <CurrentVoteTurnoutView current={current} />;
}

export function CurrentVoteTurnoutView({ current }: { current: { title: string; questions: QuestionTurnout[] } | null }) {
  const { t } = useTranslation('room');
  const uid = useId();
  return (
    <section className="stack current-turnout" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('turnout.title')}</h3>
      {!current || current.questions.length === 0 ? (
        <p className="muted">{current ? t('turnout.noOpenQuestion', { title: current.title }) : t('turnout.none')}</p>
      ) : (
        <ul className="stack turnout-list">
          {current.questions.map((q) => (
            <li key={q.questionId}>
              <span className="turnout-prompt">{q.prompt}</span>
              <br />
              <strong data-testid="turnout-line">
                {q.percent === null ? t('turnout.nobody', { ballots: q.ballots }) : t('turnout.line', { percent: q.percent, ballots: q.ballots, present: q.present })}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
