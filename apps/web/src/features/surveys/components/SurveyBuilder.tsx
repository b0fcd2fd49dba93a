import { useTranslation } from 'react-i18next';
import type { SurveyView } from '@palabre/contracts';
import { useCommand } from '../../../lib/live';
import { BuilderQuestionList } from './BuilderQuestionList';
import { QuestionForm } from './QuestionForm';
import { SurveySettingsForm } from './SurveySettingsForm';

/** Facilitator's builder: settings, the question list and the form that adds a question. */
export function SurveyBuilder({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation('surveys');
  const send = useCommand();
  return (
    <section className="survey-builder stack" aria-labelledby={`builder-${survey.activityId}`}>
      <h2 id={`builder-${survey.activityId}`}>{t('builder.title')}</h2>
      <BuilderQuestionList questions={survey.questions} send={send} />
      <QuestionForm activityId={survey.activityId} send={send} />
      <SurveySettingsForm activityId={survey.activityId} settings={survey.settings} send={send} />
    </section>
  );
}
