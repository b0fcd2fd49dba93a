import '../boards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdeaView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useBoard } from '../hooks/useBoard';
import { sortIdeas } from '../model';
import { IdeaCard } from './IdeaCard';
import { IdeaForm } from './IdeaForm';
import { BoardSettings } from './BoardSettings';
import { MergeDialog } from './MergeDialog';
import { ModerationActions } from './ModerationActions';

/** The facilitator's board: open and lock, settings, the pre-moderation queue, moderation of every idea. */
export function BoardConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('boards');
  const { board, meId } = useBoard(activity.id);
  const open = useCommandMutation('board.open');
  const lock = useCommandMutation('board.lock');
  const settings = useCommandMutation('board.settings');
  const restore = useCommandMutation('idea.restore');
  const [undo, setUndo] = useState<IdeaView | null>(null);
  if (!board) return <Loading />;

  const { state, moderation, supportsHidden, anonymousAllowed } = board.board;
  const activityId = activity.id;
  const queue = board.ideas.filter((i) => i.status === 'pending');
  const others = sortIdeas(board, board.ideas.filter((i) => i.status === 'visible'), 'column');
  const moderated = board.ideas.filter((i) => i.status === 'hidden' || i.status === 'rejected');
  const actions = (idea: IdeaView) => <ModerationActions board={board} idea={idea} onHidden={setUndo} />;

  return (
    <div className="stack board">
      <div className="button-row">
        {state === 'draft' && (
          <button type="button" className="button button-primary" onClick={() => open.mutate({ activityId })}>
            {t('console.open')}
          </button>
        )}
        {state !== 'draft' && (
          <button type="button" className="button" aria-pressed={state === 'locked'} onClick={() => lock.mutate({ activityId, locked: state !== 'locked' })}>
            {t('console.lock')}
          </button>
        )}
        {supportsHidden ? (
          <button type="button" className="button" onClick={() => settings.mutate({ activityId, supportsHidden: false })}>
            {t('console.reveal')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => settings.mutate({ activityId, supportsHidden: true })}>
            {t('console.hideSupports')}
          </button>
        )}
        <button type="button" className="button" aria-pressed={moderation === 'pre'} onClick={() => settings.mutate({ activityId, moderation: moderation === 'pre' ? 'post' : 'pre' })}>
          {t('console.preModeration')}
        </button>
        <button type="button" className="button" aria-pressed={anonymousAllowed} onClick={() => settings.mutate({ activityId, anonymousAllowed: !anonymousAllowed })}>
          {t('console.anonymous')}
        </button>
        <MergeDialog board={board} />
      </div>
      <p className="muted">{t(`console.state.${state}`)}</p>
      <ErrorMessage error={open.error ?? lock.error ?? settings.error ?? restore.error} />
      {undo && (
        <p className="banner" role="status">
          {t('console.hidden', { title: undo.title })}{' '}
          <button type="button" className="button button-link" onClick={() => restore.mutate({ activityId, ideaId: undo.id }, { onSuccess: () => setUndo(null) })}>
            {t('console.undo')}
          </button>
        </p>
      )}
      <details className="card">
        <summary>{t('settings.open')}</summary>
        <BoardSettings board={board} />
      </details>
      <section aria-labelledby={`queue-${activityId}`} className="stack">
        <h3 id={`queue-${activityId}`}>{t('console.queue', { count: queue.length })}</h3>
        {queue.map((idea) => (
          <IdeaCard key={idea.id} board={board} idea={idea} meId={meId} canWrite={false} staff actions={actions(idea)} />
        ))}
      </section>
      <IdeaForm board={board} />
      <section aria-labelledby={`ideas-${activityId}`} className="stack">
        <h3 id={`ideas-${activityId}`}>{t('console.ideas')}</h3>
        {others.map((idea) => (
          <IdeaCard key={idea.id} board={board} idea={idea} meId={meId} canWrite={state !== 'locked'} staff actions={actions(idea)} />
        ))}
      </section>
      {moderated.length > 0 && (
        <section aria-labelledby={`moderated-${activityId}`} className="stack">
          <h3 id={`moderated-${activityId}`}>{t('console.moderated')}</h3>
          {moderated.map((idea) => (
            <IdeaCard key={idea.id} board={board} idea={idea} meId={meId} canWrite={false} staff actions={actions(idea)} />
          ))}
        </section>
      )}
    </div>
  );
}
