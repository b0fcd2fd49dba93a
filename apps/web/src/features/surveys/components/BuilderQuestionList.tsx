import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionView } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { SendCommand } from './QuestionForm';
import { draftWithOptionMoved } from './question-form-model';

/** A draft question's options in order, each with move up / move down (no drag and drop). */
function OptionOrder({ question, pending, run, send }: { question: QuestionView; pending: boolean; run: (action: () => Promise<unknown>) => void; send: SendCommand }) {
  const { t } = useTranslation('surveys');
  if (!('options' in question.config)) return null;
  const { options } = question.config;
  const move = (from: number, to: number) => {
    const draft = draftWithOptionMoved(question, from, to);
    if (draft) run(() => send('survey.question.update', { questionId: question.id, question: draft }));
  };
  return (
    <details className="option-order">
      <summary>{t('options.title')}</summary>
      <ol className="option-order-list" aria-label={t('options.listLabel', { prompt: question.prompt })}>
        {options.map((o, i) => (
          <li key={o.id} className="option-order-item">
            <span>{o.label}</span>
            <button type="button" className="button" disabled={pending || i === 0} aria-label={t('options.up', { option: o.label, position: i + 1 })} onClick={() => move(i, i - 1)}>↑</button>
            <button type="button" className="button" disabled={pending || i === options.length - 1} aria-label={t('options.down', { option: o.label, position: i + 1 })} onClick={() => move(i, i + 1)}>↓</button>
          </li>
        ))}
      </ol>
    </details>
  );
}

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
                onClick={() => void run(() => send('survey.question.move', { questionId: q.id, position: index - 1 }))}>
                {t('builder.up')}
              </button>
              <button type="button" className="button" disabled={pending || index === questions.length - 1} aria-label={t('builder.moveDown', { prompt: q.prompt, position: index + 1 })}
                onClick={() => void run(() => send('survey.question.move', { questionId: q.id, position: index + 1 }))}>
                {t('builder.down')}
              </button>
              {q.state === 'draft' && (
                <button type="button" className="button" disabled={pending} aria-label={t('builder.removeNamed', { prompt: q.prompt })}
                  onClick={() => void run(() => send('survey.question.remove', { questionId: q.id }))}>
                  {t('builder.remove')}
                </button>
              )}
            </div>
            {q.state === 'draft' && <OptionOrder question={q} pending={pending} run={(action) => void run(action)} send={send} />}
          </li>
        ))}
      </ol>
      <ErrorMessage error={error} />
    </div>
  );
}
