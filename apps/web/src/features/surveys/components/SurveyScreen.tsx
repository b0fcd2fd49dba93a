import { useTranslation } from 'react-i18next';
import type { QuestionView } from '@palabre/contracts';
import { resolveEligibility } from '@palabre/domain';
import { useSessionSnapshot } from '../../../lib/live';
import type { ActivityViewProps } from '../../registry';
import { useSurvey } from '../hooks/useSurvey';
import { QuestionResultsView } from './ResultsChart';
import './surveys.css';

/** The question on the projector: the last one opened, else the last one closed or published. */
function currentQuestion(questions: QuestionView[]): QuestionView | undefined {
  const byOpened = [...questions].filter((q) => q.openedAt).sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
  return byOpened.find((q) => q.state === 'open') ?? byOpened[0];
}

/** Projector view: the current question, live turnout and, when allowed, the live chart. */
export function SurveyScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('surveys');
  const { survey, results } = useSurvey(activity.id);
  const { data: hasRoster = false } = useSessionSnapshot((snapshot) => snapshot.session.hasRoster === true);
  const question = survey ? currentQuestion(survey.questions) : undefined;
  if (!question) return <p className="screen-survey-waiting">{t('survey.waiting')}</p>;
  const live = results[question.id];
  return (
    <div className="screen-survey">
      <p className="screen-survey-prompt">{question.prompt}</p>
      <p className="screen-survey-eligibility" data-eligibility={resolveEligibility(question.config.eligibility, hasRoster)}>
        {t(`eligibility.${resolveEligibility(question.config.eligibility, hasRoster)}`)}
      </p>
      <p className="screen-survey-turnout" aria-live="polite">
        {t('results.turnout', { count: live?.ballots ?? 0, present: live?.present ?? 0 })} · {t(`state.${question.state}`)}
      </p>
      {live?.results ? <QuestionResultsView question={question} live={live} /> : <p className="muted">{t('results.hidden')}</p>}
    </div>
  );
}
