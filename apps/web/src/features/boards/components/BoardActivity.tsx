import '../boards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { Loading } from '../../../ui/Loading';
import { useBoard } from '../hooks/useBoard';
import { useBoardNotices } from '../hooks/useBoardNotices';
import { IDEA_SORTS, sortIdeas, type IdeaSort } from '../model';
import { IdeaCard } from './IdeaCard';
import { IdeaForm } from './IdeaForm';

/** A member's board on the phone: post, support, comment; columns as sections. */
export function BoardActivity({ activity }: ActivityViewProps) {
  const { t } = useTranslation('boards');
  const { board, blocked, meId } = useBoard(activity.id);
  const [sort, setSort] = useState<IdeaSort>('column');
  const [notice, setNotice] = useState<string | null>(null);
  useBoardNotices(activity.id, meId, setNotice);
  if (!board) return <Loading />;

  const state = board.board.state;
  const canWrite = state === 'open' && !blocked;
  const ideas = sortIdeas(board, board.ideas, sort);
  return (
    <div className="stack board">
      {notice && (
        <p className="banner board-notice">
          {notice}{' '}
          <button type="button" className="button button-link" onClick={() => setNotice(null)}>
            {t('dismiss')}
          </button>
        </p>
      )}
      {state === 'locked' && <p className="banner">{t('locked')}</p>}
      {blocked && <p className="banner banner-offline">{t('blocked')}</p>}
      {board.mine.dotsLeft !== null && <p className="board-dots">{t('support.dotsLeft', { count: board.mine.dotsLeft })}</p>}
      {board.counts === null && <p className="muted">{t('support.hidden')}</p>}
      {canWrite && <IdeaForm board={board} />}
      <div className="field board-sort">
        <label htmlFor={`sort-${activity.id}`}>{t('sort.label')}</label>
        <select id={`sort-${activity.id}`} value={sort} onChange={(e) => setSort(e.target.value as IdeaSort)}>
          {IDEA_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {sort === 'column' ? (
        board.board.columns.map((column) => {
          const inColumn = ideas.filter((i) => i.columnId === column.id);
          return (
            <section key={column.id} className="board-column" aria-labelledby={`column-${activity.id}-${column.id}`}>
              <h3 id={`column-${activity.id}-${column.id}`}>
                {column.title} <span className="muted">({inColumn.length})</span>
              </h3>
              {inColumn.length === 0 ? <p className="muted">{t('emptyColumn')}</p> : inColumn.map((idea) => <IdeaCard key={idea.id} board={board} idea={idea} meId={meId} canWrite={canWrite} />)}
            </section>
          );
        })
      ) : (
        <section aria-label={t('allIdeas')}>{ideas.length === 0 ? <p className="muted">{t('empty')}</p> : ideas.map((idea) => <IdeaCard key={idea.id} board={board} idea={idea} meId={meId} canWrite={canWrite} />)}</section>
      )}
    </div>
  );
}
