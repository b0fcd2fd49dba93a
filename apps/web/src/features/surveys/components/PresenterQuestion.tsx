import { useTranslation } from 'react-i18next';
import type { ActivitySummary, QuestionView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SHORTCUTS, useShortcut } from '../../staff/hooks/useShortcut';
import { useSurvey } from '../hooks/useSurvey';
import { projectedQuestion } from './SurveyScreen';

/**
 * The question the presenter runs: the one the projector shows (open, else the last opened),
 * and the first draft after it, which O opens once the current one is closed.
 */
export function presenterQuestions(questions: QuestionView[]): { current?: QuestionView; next?: QuestionView } {
  const current = projectedQuestion(questions);
  const next = [...questions].sort((a, b) => a.position - b.position).find((q) => q.state === 'draft');
  return { current, next };
}

/** Presenter: open / close (O) and publish (P) the current item's question, one at a time. */
export function PresenterQuestion({ activity }: { activity: ActivitySummary }) {
  const { t } = useTranslation('surveys');
  const { t: ts } = useTranslation('staff');
  const { survey, results } = useSurvey(activity.id);
  const open = useCommandMutation('survey.question.open');
  const close = useCommandMutation('survey.question.close');
  const publish = useCommandMutation('survey.question.publish');
  const { current, next } = presenterQuestions(survey?.questions ?? []);
  const pending = open.isPending || close.isPending || publish.isPending;

  const openClose =
    pending ? null
    : current?.state === 'open' ? () => close.mutate({ questionId: current.id })
    : next ? () => open.mutate({ questionId: next.id })
    : null;
  const publishCurrent = !pending && current?.state === 'closed' ? () => publish.mutate({ questionId: current.id }) : null;
  useShortcut(SHORTCUTS.openClose, openClose);
  useShortcut(SHORTCUTS.publish, publishCurrent);

  const live = current ? results[current.id] : undefined;
  return (
    <div className="stack presenter-question" data-testid="presenter-question">
      {current ? (
        <p>
          <strong>{current.prompt}</strong>
          <br />
          <span data-testid="presenter-question-state">{t(`state.${current.state}`)}</span>
          {live && <> · {t('results.turnout', { count: live.ballots, present: live.present ?? 0 })}</>}
        </p>
      ) : (
        <p className="muted">{ts('presenter.q_none')}</p>
      )}
      {next && current?.state !== 'open' && <p className="muted">{ts('presenter.q_next', { prompt: next.prompt })}</p>}
      <div className="button-row">
        <button type="button" className="button button-primary" aria-keyshortcuts="O" disabled={!openClose} onClick={openClose ?? undefined}>
          {current?.state === 'open' ? ts('presenter.q_close') : ts('presenter.q_open')} <kbd aria-hidden="true">O</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="P" disabled={!publishCurrent} onClick={publishCurrent ?? undefined}>
          {ts('presenter.q_publish')} <kbd aria-hidden="true">P</kbd>
        </button>
      </div>
      <ErrorMessage error={open.error ?? close.error ?? publish.error} />
    </div>
  );
}
