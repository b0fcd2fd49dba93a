import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@palabre/contracts/meta';
import type { BoardSnapshot, IdeaView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSimilarIdeas } from '../hooks/useSimilarIdeas';
import { IdeaForm } from './IdeaForm';

type Panel = 'none' | 'reject' | 'hide' | 'correct' | 'tag';

/** A facilitator's controls on one idea; hiding offers an undo through `onHidden`. */
export function ModerationActions({ board, idea, onHidden }: { board: BoardSnapshot; idea: IdeaView; onHidden: (idea: IdeaView) => void }) {
  const { t } = useTranslation('boards');
  const activityId = board.board.activityId;
  const approve = useCommandMutation('idea.approve');
  const reject = useCommandMutation('idea.reject');
  const hide = useCommandMutation('idea.hide');
  const restore = useCommandMutation('idea.restore');
  const pin = useCommandMutation('idea.pin');
  const tag = useCommandMutation('idea.tag');
  const block = useCommandMutation('participant.block');
  const [panel, setPanel] = useState<Panel>('none');
  const [reason, setReason] = useState('');
  const [tags, setTags] = useState(idea.tags.join(', '));
  const [cluster, setCluster] = useState(idea.cluster ?? '');
  const similar = useSimilarIdeas(activityId, idea.status === 'pending' ? `${idea.title} ${idea.body}` : '', idea.id);
  const ref = { activityId, ideaId: idea.id };
  const error = approve.error ?? reject.error ?? hide.error ?? restore.error ?? pin.error ?? tag.error ?? block.error;

  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    const close = { onSuccess: () => (setPanel('none'), setReason('')) };
    if (panel === 'reject') reject.mutate({ ...ref, reason }, close);
    else hide.mutate({ ...ref, ...(reason.trim() ? { reason } : {}) }, { onSuccess: () => (setPanel('none'), setReason(''), onHidden(idea)) });
  };
  const submitTags = (event: FormEvent) => {
    event.preventDefault();
    const list = tags.split(',').map((s) => s.trim()).filter(Boolean).slice(0, BOARD_LIMITS.tags);
    tag.mutate({ ...ref, tags: list, cluster: cluster.trim() || null }, { onSuccess: () => setPanel('none') });
  };

  return (
    <div className="board-moderation stack">
      {similar.length > 0 && (
        <div className="board-similar">
          <p>{t('form.similar')}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        {idea.status === 'pending' && (
          <>
            <button type="button" className="button button-primary" onClick={() => approve.mutate(ref)}>
              {t('mod.approve')}
            </button>
            <button type="button" className="button" onClick={() => setPanel('reject')}>
              {t('mod.reject')}
            </button>
          </>
        )}
        {idea.status === 'visible' && (
          <>
            <button type="button" className="button" onClick={() => setPanel('hide')}>
              {t('mod.hide')}
            </button>
            <button type="button" className="button" aria-pressed={idea.pinned} onClick={() => pin.mutate({ ...ref, pinned: !idea.pinned })}>
              {t('mod.pin')}
            </button>
          </>
        )}
        {(idea.status === 'hidden' || idea.status === 'rejected') && (
          <button type="button" className="button" onClick={() => restore.mutate(ref)}>
            {t('mod.restore')}
          </button>
        )}
        <button type="button" className="button" onClick={() => setPanel(panel === 'correct' ? 'none' : 'correct')}>
          {t('mod.correct')}
        </button>
        <button type="button" className="button" onClick={() => setPanel(panel === 'tag' ? 'none' : 'tag')}>
          {t('mod.tag')}
        </button>
        <button type="button" className="button" onClick={() => block.mutate({ ideaId: idea.id, blocked: true })}>
          {t('mod.block')}
        </button>
      </div>
      {(panel === 'reject' || panel === 'hide') && (
        <form onSubmit={submitReason} className="stack">
          <div className="field">
            <label htmlFor={`reason-${idea.id}`}>{t(panel === 'reject' ? 'mod.rejectReason' : 'mod.hideReason')}</label>
            <input id={`reason-${idea.id}`} value={reason} required={panel === 'reject'} maxLength={BOARD_LIMITS.reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary">
            {t(panel === 'reject' ? 'mod.reject' : 'mod.hide')}
          </button>
        </form>
      )}
      {panel === 'correct' && <IdeaForm board={board} idea={idea} correct onDone={() => setPanel('none')} />}
      {panel === 'tag' && (
        <form onSubmit={submitTags} className="stack">
          <div className="field">
            <label htmlFor={`tags-${idea.id}`}>{t('mod.tags')}</label>
            <input id={`tags-${idea.id}`} value={tags} onChange={(e) => setTags(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`cluster-${idea.id}`}>{t('mod.cluster')}</label>
            <input id={`cluster-${idea.id}`} value={cluster} maxLength={BOARD_LIMITS.cluster} onChange={(e) => setCluster(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary">
            {t('save')}
          </button>
        </form>
      )}
      {block.isSuccess && <p role="status">{t('mod.blocked')}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
