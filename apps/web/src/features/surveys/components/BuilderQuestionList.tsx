import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionView } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { SendCommand } from './QuestionForm';

/** The survey's questions in order: type and state, move up/down, and remove while a draft. */
export function BuilderQuestionList({ questions, send }: { questions: QuestionView[]; send: SendCommand }) {
  const { t } = useTranslation('surveys');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setPending(true);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  if (questions.length === 0) return <p className="muted">{t('builder.empty')}</p>;
  return (
    <div className="stack">
      <ol className="builder-questions stack" aria-label={t('builder.listLabel')}>
        {questions.map((q, index) => (
          <li key={q.id} className="builder-question">
            <p><strong>{q.prompt}</strong></p>
            <p className="muted">{t(`type.${q.config.type}`)} · {t(`state.${q.state}`)}</p>
            <div className="button-row">
              <button type="button" className="button" disabled={pending || index === 0} aria-label={t('builder.moveUp', { prompt: q.prompt, position: index + 1 })}
                onClick={() => run(() => send('survey.question.move', { questionId: q.id, position: index - 1 }))}>
                {t('builder.up')}
              </button>
              <button type="button" className="button" disabled={pending || index === questions.length - 1} aria-label={t('builder.moveDown', { prompt: q.prompt, position: index + 1 })}
                onClick={() => run(() => send('survey.question.move', { questionId: q.id, position: index + 1 }))}>
                {t('builder.down')}
              </button>
              {q.state === 'draft' && (
                <button type="button" className="button" disabled={pending} aria-label={t('builder.removeNamed', { prompt: q.prompt })}
                  onClick={() => run(() => send('survey.question.remove', { questionId: q.id }))}>
                  {t('builder.remove')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <ErrorMessage error={error} />
    </div>
  );
}
