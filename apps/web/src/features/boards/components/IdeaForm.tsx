import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@palabre/contracts/meta';
import type { BoardSnapshot, IdeaView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePatchBoard } from '../hooks/usePatchBoard';
import { useSimilarIdeas } from '../hooks/useSimilarIdeas';

interface IdeaFormProps {
  board: BoardSnapshot;
  /** Editing (own idea) or correcting (staff) an existing idea; posting when absent. */
  idea?: IdeaView;
  correct?: boolean;
  onDone?: () => void;
}

/** Post an idea (with similar-idea suggestions), edit one's own, or correct one (staff). */
export function IdeaForm({ board, idea, correct = false, onDone }: IdeaFormProps) {
  const { t } = useTranslation('boards');
  const announce = useAnnounce();
  const post = useCommandMutation('idea.post');
  const edit = useCommandMutation('idea.edit');
  const fix = useCommandMutation('idea.correct');
  const columns = board.board.columns;
  const [columnId, setColumnId] = useState(idea?.columnId ?? columns[0]?.id ?? '');
  const [title, setTitle] = useState(idea?.title ?? '');
  const [body, setBody] = useState(idea?.body ?? '');
  const [anonymous, setAnonymous] = useState(false);
  const similar = useSimilarIdeas(board.board.activityId, idea ? '' : `${title} ${body}`);
  const mutation = idea ? (correct ? fix : edit) : post;
  const activityId = board.board.activityId;
  const { posted } = usePatchBoard();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = {
      onSuccess: (saved: IdeaView) => {
        if (!idea) posted(saved);
        announce(saved.status === 'pending' ? t('form.queued') : t(idea ? 'form.saved' : 'form.posted'));
        if (!idea) {
          setTitle('');
          setBody('');
        }
        onDone?.();
      },
    };
    if (!idea) post.mutate({ activityId, columnId, title, body, anonymous }, done);
    else if (correct) fix.mutate({ activityId, ideaId: idea.id, title, body, columnId }, done);
    else edit.mutate({ activityId, ideaId: idea.id, title, body, columnId }, done);
  };

  const prefix = idea ? `edit-${idea.id}` : `post-${activityId}`;
  return (
    <form className="stack board-form" onSubmit={submit} aria-busy={mutation.isPending}>
      {!idea && <h3>{t('form.title')}</h3>}
      <div className="field">
        <label htmlFor={`${prefix}-column`}>{t('form.column')}</label>
        <select id={`${prefix}-column`} value={columnId} onChange={(e) => setColumnId(e.target.value)}>
          {columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-title`}>{t('form.ideaTitle')}</label>
        <input id={`${prefix}-title`} value={title} required maxLength={BOARD_LIMITS.ideaTitle} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-body`}>{t('form.body')}</label>
        <textarea id={`${prefix}-body`} value={body} maxLength={BOARD_LIMITS.ideaBody} rows={3} onChange={(e) => setBody(e.target.value)} />
        <p className="hint">{t('form.bodyHint', { count: BOARD_LIMITS.ideaBody - body.length })}</p>
      </div>
      {!idea && board.board.anonymousAllowed && (
        <label className="board-check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('form.anonymous')}
        </label>
      )}
      {similar.length > 0 && (
        <div className="board-similar" role="status" aria-live="polite">
          <p>{t('form.similar')}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {idea ? t('save') : t('form.submit')}
        </button>
        {onDone && idea && (
          <button type="button" className="button" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
