import { useTranslation } from 'react-i18next';
import type { QuestionView } from '@palabre/contracts';
import { resolveEligibility } from '@palabre/domain';
import { useSessionSnapshot } from '../../../lib/live';
import type { ActivityViewProps } from '../../activity-view';
import { useFitText } from '../../screen/hooks/useFitText';
import { useSurvey } from '../hooks/useSurvey';
import { BallotPartsLine, RollCallLine } from '../channels/BallotPartsLine';
import { QuestionResultsView } from './ResultsChart';
import './surveys.css';

/** The question on the projector: the last one opened, else the last one closed or published. */
export function projectedQuestion(questions: QuestionView[]): QuestionView | undefined {
  const byOpened = [...questions].filter((q) => q.openedAt).sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
  return byOpened.find((q) => q.state === 'open') ?? byOpened[0];
}

/**
 * Projector view: the current question in the largest type, turnout, then (when the room may
 * see them) the results filling the rest of the screen. Long texts shrink to fit.
 */
export function SurveyScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('surveys');
  const { survey, results } = useSurvey(activity.id);
  const { data: hasRoster = false } = useSessionSnapshot((snapshot) => snapshot.session.hasRoster === true);
  const question = survey ? projectedQuestion(survey.questions) : undefined;
  const live = question ? results[question.id] : undefined;
  const prompt = useFitText<HTMLParagraphElement>(question?.prompt, 0.6);
  const chart = useFitText<HTMLDivElement>(live, 0.5);
  if (!question) return <p className="screen-waiting">{t('survey.waiting')}</p>;
  const eligibility = resolveEligibility(question.config.eligibility, hasRoster);
  return (
    <div className="screen-survey" data-question-type={question.config.type}>
      <p className="screen-survey-prompt" ref={prompt}>
        {question.prompt}
      </p>
      <p className="screen-survey-turnout" aria-live="polite">
        {t('results.turnout', { count: live?.ballots ?? 0, present: live?.present ?? 0 })} · {t(`state.${question.state}`)}
      </p>
      <BallotPartsLine live={live} className="screen-survey-parts" />
      <RollCallLine live={live} className="screen-survey-parts" />
      {/* Who may vote, in a corner out of the flow: the question and results keep the room's largest type. */}
      <p className="screen-survey-eligibility" data-eligibility={eligibility}>
        {t(`eligibility.${eligibility}`)}
      </p>
      <div className="screen-survey-results" ref={chart}>
        {live?.results ? <QuestionResultsView question={question} live={live} size="screen" /> : <p className="screen-waiting">{t('results.hidden')}</p>}
      </div>
    </div>
  );
}
