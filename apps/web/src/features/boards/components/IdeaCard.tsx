import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot, IdeaView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { commentsOf, isMine } from '../model';
import { Comments } from './Comments';
import { IdeaForm } from './IdeaForm';
import { SupportButton } from './SupportButton';

interface IdeaCardProps {
  board: BoardSnapshot;
  idea: IdeaView;
  meId: string | undefined;
  canWrite: boolean;
  staff?: boolean;
  /** Moderation controls, in the console. */
  actions?: ReactNode;
}

/** One idea: text (always as text), marks, « fusion de … », support, comments, the author's own controls. */
export function IdeaCard({ board, idea, meId, canWrite, staff = false, actions }: IdeaCardProps) {
  const { t } = useTranslation('boards');
  const withdraw = useCommandMutation('idea.withdraw');
  const [editing, setEditing] = useState(false);
  const activityId = board.board.activityId;
  const mine = isMine(board, idea);
  const column = board.board.columns.find((c) => c.id === idea.columnId)?.title ?? idea.columnId;
  const { comments, count } = commentsOf(board, idea.id);
  const sources = board.ideas.filter((i) => i.mergedInto === idea.id);
  const headingId = `idea-${idea.id}`;

  return (
    <article className={`card board-idea board-idea-${idea.status}`} aria-labelledby={headingId} data-idea-id={idea.id}>
      <div className="board-marks">
        {idea.pinned && <span className="badge">{t('mark.pinned')}</span>}
        {idea.status !== 'visible' && <span className="badge">{t(`status.${idea.status}`)}</span>}
        {idea.editedByStaff && <span className="badge">{t('mark.editedByStaff')}</span>}
        {idea.cluster && <span className="badge">{idea.cluster}</span>}
        {idea.tags.map((tag) => (
          <span key={tag} className="badge">
            #{tag}
          </span>
        ))}
      </div>
      {editing ? (
        <IdeaForm board={board} idea={idea} onDone={() => setEditing(false)} />
      ) : (
        <>
          <h3 id={headingId} className="board-title">
            {idea.title}
          </h3>
          {idea.body && <p className="board-text">{idea.body}</p>}
        </>
      )}
      <p className="board-author muted">
        {idea.anonymous ? t('anonymous') : idea.authorName} · {column}
        {mine && ` · ${t('mine')}`}
      </p>
      {idea.reason && (idea.status === 'hidden' || idea.status === 'rejected') && <p className="board-reason">{t('reason', { reason: idea.reason })}</p>}
      {sources.length > 0 && (
        <details className="board-merged">
          <summary>{t('mergedFrom', { titles: sources.map((s) => `« ${s.title} »`).join(', ') })}</summary>
          <ul>
            {sources.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong>
                {s.body && <span> — {s.body}</span>}
                <span className="muted"> ({s.anonymous ? t('anonymous') : s.authorName})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {idea.status === 'visible' && <SupportButton board={board} idea={idea} disabled={!canWrite} />}
      {mine && !idea.locked && canWrite && (idea.status === 'visible' || idea.status === 'pending') && !editing && (
        <div className="button-row">
          <button type="button" className="button button-link" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
          <button type="button" className="button button-link" onClick={() => withdraw.mutate({ activityId, ideaId: idea.id })} disabled={withdraw.isPending}>
            {t('withdraw')}
          </button>
        </div>
      )}
      <ErrorMessage error={withdraw.error} />
      {actions}
      {idea.status === 'visible' && (
        <details className="board-comments-toggle">
          <summary>{t('comment.count', { count })}</summary>
          <Comments activityId={activityId} ideaId={idea.id} comments={comments} meId={meId} canWrite={canWrite} staff={staff} />
        </details>
      )}
    </article>
  );
}
