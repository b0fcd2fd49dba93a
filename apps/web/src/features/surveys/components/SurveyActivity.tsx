import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../registry';
import { useAnnounceQuestions } from '../hooks/useAnnounceQuestions';
import { useSurvey } from '../hooks/useSurvey';
import { BallotForm, KeptReceipt } from './BallotForm';
import { QuestionResultsView } from './ResultsChart';
import './surveys.css';

/** A member's phone: each open question as a ballot, then results where they may be seen. */
export function SurveyActivity({ activity }: ActivityViewProps) {
  const { t } = useTranslation('surveys');
  const { survey, myBallots, results, me } = useSurvey(activity.id);
  useAnnounceQuestions(survey?.questions);
  if (!survey || !me) return <p className="muted">{t('survey.waiting')}</p>;
  const visible = survey.questions.filter((q) => q.state !== 'draft');
  if (visible.length === 0) return <p className="muted">{t('survey.waiting')}</p>;
  return (
    <div className="stack">
      {visible.map((q) =>
        q.state === 'open' && me.role === 'member' ? (
          <BallotForm key={q.id} question={q} settings={survey.settings} mine={myBallots[q.id]} participantId={me.id} />
        ) : (
          <section key={q.id} className="stack" aria-labelledby={`qr-${q.id}`}>
            <h3 id={`qr-${q.id}`}>{q.prompt}</h3>
            <p className="muted">{t(`state.${q.state}`)}</p>
            {survey.settings.anonymity === 'anonymous' && me.role === 'member' && <KeptReceipt questionId={q.id} participantId={me.id} />}
            {results[q.id]?.results && <QuestionResultsView question={q} live={results[q.id]} />}
          </section>
        ),
      )}
    </div>
  );
}
