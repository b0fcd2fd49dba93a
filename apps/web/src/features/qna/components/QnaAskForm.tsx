import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QNA_LIMITS } from '@palabre/contracts/meta';
import type { QnaConfig, QnaQuestionView } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';

export type AskCommand = (payload: { activityId: string; text: string; anonymous: boolean }) => Promise<QnaQuestionView>;

interface QnaAskFormProps {
  activityId: string;
  /** The Q&A's settings from the snapshot; unknown settings offer no anonymity (the server decides anyway). */
  settings: QnaConfig | undefined;
  ask: AskCommand;
  onAsked: (question: QnaQuestionView) => void;
}

/** A member's question form: anonymity is offered only when this Q&A allows it. */
export function QnaAskForm({ activityId, settings, ask, onAsked }: QnaAskFormProps) {
  const { t } = useTranslation('qna');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textId = useId();
  const hintId = useId();
  const anonymousAllowed = settings?.anonymousAllowed === true;
  const premoderated = settings?.moderation === 'pre';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const question = await ask({ activityId, text, anonymous: anonymousAllowed && anonymous });
      setText('');
      onAsked(question);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={textId}>{t('ask.label')}</label>
        <textarea
          id={textId}
          value={text}
          maxLength={QNA_LIMITS.textMax}
          rows={3}
          required
          aria-describedby={hintId}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="hint" id={hintId}>
          {t('ask.count', { count: text.length, max: QNA_LIMITS.textMax })}
          {premoderated && <> · {t('ask.premoderated')}</>}
        </p>
      </div>
      {anonymousAllowed ? (
        <label>
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('ask.anonymous')}
        </label>
      ) : (
        <p className="muted">{t('ask.named')}</p>
      )}
      <button type="submit" className="button button-primary" disabled={text.trim().length === 0}>
        {t('ask.submit')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
