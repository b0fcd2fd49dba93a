import '../boards.css';
import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { Loading } from '../../../ui/Loading';
import { ScreenPager } from '../../screen/components/ScreenPager';
import { useBoard } from '../hooks/useBoard';
import { countOf, sortIdeas, topIdeas } from '../model';

/**
 * The projector: the top ideas in one band, then the columns with their cards. A column longer
 * than the screen shows its cards a page at a time, the pages taking turns.
 */
export function BoardScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('boards');
  const { board } = useBoard(activity.id);
  if (!board) return <Loading />;
  const ideas = sortIdeas(board, board.ideas, 'supported');
  const top = topIdeas(board, 3);
  return (
    <div className="board-screen">
      {top.length > 0 && (
        <section className="board-top" aria-labelledby={`top-${activity.id}`}>
          <h3 id={`top-${activity.id}`}>{t('screen.top')}</h3>
          <ol>
            {top.map(({ idea, supports }) => (
              <li key={idea.id}>
                {idea.title} — <strong>{t('support.count', { count: supports })}</strong>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="board-screen-columns">
        {board.board.columns.map((column) => (
          <section key={column.id} className="board-screen-column" aria-labelledby={`screen-${activity.id}-${column.id}`}>
            <h3 id={`screen-${activity.id}-${column.id}`}>{column.title}</h3>
            <ScreenPager label={column.title}>
              {ideas
                .filter((i) => i.columnId === column.id)
                .map((idea) => {
                  const count = countOf(board, idea.id);
                  const sources = board.ideas.filter((s) => s.mergedInto === idea.id);
                  return (
                    <article key={idea.id} className="board-screen-card" data-idea-id={idea.id}>
                      <p className="board-title">{idea.title}</p>
                      {count && <p className="board-count">{t('support.count', { count: count.supports })}</p>}
                      {sources.length > 0 && <p className="board-merged">{t('mergedFrom', { titles: sources.map((s) => `« ${s.title} »`).join(', ') })}</p>}
                    </article>
                  );
                })}
            </ScreenPager>
          </section>
        ))}
      </div>
    </div>
  );
}
