import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** Merge duplicates: pick the idea that stays and the ones merged into it (native modal dialog). */
export function MergeDialog({ board }: { board: BoardSnapshot }) {
  const { t } = useTranslation('boards');
  const announce = useAnnounce();
  const merge = useCommandMutation('idea.merge');
  const dialog = useRef<HTMLDialogElement>(null);
  const candidates = board.ideas.filter((i) => i.status === 'visible' || i.status === 'pending');
  const [targetId, setTargetId] = useState('');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const close = () => dialog.current?.close();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    merge.mutate(
      { activityId: board.board.activityId, targetId, sourceIds },
      {
        onSuccess: (idea) => {
          announce(t('merge.done', { title: idea.title }));
          setSourceIds([]);
          close();
        },
      },
    );
  };
  return (
    <>
      <button type="button" className="button" onClick={() => dialog.current?.showModal()} disabled={candidates.length < 2}>
        {t('merge.open')}
      </button>
      <dialog ref={dialog} className="board-dialog" aria-labelledby={`merge-${board.board.activityId}`}>
        <form onSubmit={submit} className="stack">
          <h3 id={`merge-${board.board.activityId}`}>{t('merge.title')}</h3>
          <div className="field">
            <label htmlFor={`merge-target-${board.board.activityId}`}>{t('merge.target')}</label>
            <select id={`merge-target-${board.board.activityId}`} value={targetId} required onChange={(e) => setTargetId(e.target.value)}>
              <option value="">{t('merge.choose')}</option>
              {candidates.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('merge.sources')}</legend>
            {candidates
              .filter((i) => i.id !== targetId)
              .map((i) => (
                <label key={i.id} className="board-check">
                  <input
                    type="checkbox"
                    checked={sourceIds.includes(i.id)}
                    onChange={(e) => setSourceIds(e.target.checked ? [...sourceIds, i.id] : sourceIds.filter((id) => id !== i.id))}
                  />{' '}
                  {i.title}
                </label>
              ))}
          </fieldset>
          <ErrorMessage error={merge.error} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={!targetId || sourceIds.length === 0 || merge.isPending}>
              {t('merge.submit')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
