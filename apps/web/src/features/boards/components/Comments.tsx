import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@palabre/contracts/meta';
import type { CommentView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';

interface CommentsProps {
  activityId: string;
  ideaId: string;
  comments: CommentView[];
  meId: string | undefined;
  canWrite: boolean;
  staff: boolean;
}

/** Comments of an idea with one level of replies; authors edit or delete their own. */
export function Comments({ activityId, ideaId, comments, meId, canWrite, staff }: CommentsProps) {
  const { t } = useTranslation('boards');
  const top = comments.filter((c) => c.parentId === null);
  return (
    <div className="board-comments">
      <ul className="board-comment-list">
        {top.map((comment) => (
          <li key={comment.id}>
            <CommentItem activityId={activityId} comment={comment} meId={meId} canWrite={canWrite} staff={staff} />
            <ul className="board-replies">
              {comments
                .filter((r) => r.parentId === comment.id)
                .map((reply) => (
                  <li key={reply.id}>
                    <CommentItem activityId={activityId} comment={reply} meId={meId} canWrite={canWrite} staff={staff} />
                  </li>
                ))}
            </ul>
            {canWrite && !comment.deleted && <CommentForm activityId={activityId} ideaId={ideaId} parentId={comment.id} label={t('comment.reply')} />}
          </li>
        ))}
      </ul>
      {canWrite && <CommentForm activityId={activityId} ideaId={ideaId} label={t('comment.add')} />}
    </div>
  );
}

function CommentItem({ activityId, comment, meId, canWrite, staff }: { activityId: string; comment: CommentView; meId: string | undefined; canWrite: boolean; staff: boolean }) {
  const { t } = useTranslation('boards');
  const edit = useCommandMutation('comment.edit');
  const remove = useCommandMutation('comment.delete');
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(comment.body);
  if (comment.deleted) return <p className="muted">{t('comment.deleted')}</p>;
  const own = comment.authorId === meId;
  const save = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate({ activityId, commentId: comment.id, body }, { onSuccess: () => setEditing(false) });
  };
  return (
    <div className="board-comment">
      <p className="board-author">
        {comment.authorName}
        {comment.edited && <span className="muted"> · {t('comment.edited')}</span>}
      </p>
      {editing ? (
        <form onSubmit={save} className="stack">
          <label>
            {t('comment.editLabel')}
            <textarea value={body} maxLength={BOARD_LIMITS.comment} required onChange={(e) => setBody(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={edit.isPending}>
              {t('save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="board-text">{comment.body}</p>
      )}
      {!editing && (own || staff) && (
        <div className="button-row">
          {own && canWrite && (
            <button type="button" className="button button-link" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
          )}
          <button type="button" className="button button-link" onClick={() => remove.mutate({ activityId, commentId: comment.id })}>
            {t('delete')}
          </button>
        </div>
      )}
      <ErrorMessage error={edit.error ?? remove.error} />
    </div>
  );
}

function CommentForm({ activityId, ideaId, parentId, label }: { activityId: string; ideaId: string; parentId?: string; label: string }) {
  const { t } = useTranslation('boards');
  const post = useCommandMutation('comment.post');
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate({ activityId, ideaId, body, ...(parentId ? { parentId } : {}) }, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit} className="board-comment-form">
      <label>
        {label}
        <textarea value={body} maxLength={BOARD_LIMITS.comment} required onChange={(e) => setBody(e.target.value)} rows={2} />
      </label>
      <button type="submit" className="button" disabled={post.isPending || body.trim() === ''}>
        {t('comment.send')}
      </button>
      <ErrorMessage error={post.error} />
    </form>
  );
}
