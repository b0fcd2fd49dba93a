import { useTranslation } from 'react-i18next';
import type { QuestionView } from '@palabre/contracts';
import { useCommand, useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { ActivityViewProps } from '../../activity-view';
import { useSurvey } from '../hooks/useSurvey';
import { useRefreshTemplates } from '../hooks/useSurveyTemplates';
import { BallotPartsLine } from '../channels/BallotPartsLine';
import { ProxiesPanel, QuestionChannels } from '../channels/ChannelsConsole';
import { useChannelsEvents } from '../channels/useChannels';
import { ResultsBreakdown } from './ResultsBreakdown';
import { QuestionResultsView } from './ResultsChart';
import { SurveyBuilder } from './SurveyBuilder';
import { SurveyCopyActions } from './SurveyCopyActions';
import './surveys.css';

type Move = 'survey.question.open' | 'survey.question.close' | 'survey.question.publish' | 'survey.question.reopen';

const ACTIONS: Record<QuestionView['state'], { move: Move; key: string }[]> = {
  draft: [{ move: 'survey.question.open', key: 'open' }],
  open: [{ move: 'survey.question.close', key: 'close' }],
  closed: [{ move: 'survey.question.publish', key: 'publish' }, { move: 'survey.question.reopen', key: 'reopen' }],
  published: [{ move: 'survey.question.reopen', key: 'reopen' }],
};

function QuestionControls({ question }: { question: QuestionView }) {
  const { t } = useTranslation('surveys');
  const open = useCommandMutation('survey.question.open');
  const close = useCommandMutation('survey.question.close');
  const publish = useCommandMutation('survey.question.publish');
  const reopen = useCommandMutation('survey.question.reopen');
  const byMove = { 'survey.question.open': open, 'survey.question.close': close, 'survey.question.publish': publish, 'survey.question.reopen': reopen };
  const error = open.error ?? close.error ?? publish.error ?? reopen.error;
  return (
    <>
      <div className="button-row">
        {ACTIONS[question.state].map(({ move, key }) => (
          <button key={key} type="button" className="button button-primary" disabled={byMove[move].isPending} onClick={() => byMove[move].mutate({ questionId: question.id })} aria-label={t(`console.${key}Named`, { prompt: question.prompt })}>
            {t(`console.${key}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={error} />
    </>
  );
}

/** Facilitator console: every question with its state, turnout, live results, breakdown and the next move; then the builder (below the run controls) and copies. */
export function SurveyConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('surveys');
  const { survey, results } = useSurvey(activity.id);
  const send = useCommand();
  const refreshTemplates = useRefreshTemplates();
  useChannelsEvents();
  if (!survey) return <p className="muted">{t('survey.waiting')}</p>;
  return (
    <>
    <ProxiesPanel />
    <ol className="console-questions stack">
      {survey.questions.map((q) => (
        <li key={q.id} className="card stack">
          <h3>{q.prompt}</h3>
          <p className="muted">
            {t(`type.${q.config.type}`)} · {t(`state.${q.state}`)}
            {results[q.id] && <> · {t('results.turnout', { count: results[q.id].ballots, present: results[q.id].present })}</>}
          </p>
          <QuestionControls question={q} />
          <BallotPartsLine live={results[q.id]} />
          {results[q.id]?.results && <QuestionResultsView question={q} live={results[q.id]} />}
          {q.state !== 'draft' && <QuestionChannels question={q} settings={survey.settings} live={results[q.id]} />}
          {results[q.id] && <ResultsBreakdown question={q} live={results[q.id]} />}
        </li>
      ))}
    </ol>
    <SurveyBuilder survey={survey} />
    <SurveyCopyActions key={activity.id} activityId={activity.id} title={activity.title} send={send} onTemplateSaved={refreshTemplates} />
    </>
  );
}
