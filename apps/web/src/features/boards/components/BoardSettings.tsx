import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@palabre/contracts/meta';
import type { BoardSnapshot, BoardView, CommandName, CommandResult } from '@palabre/contracts';
import { useCommand, type CommandArgs } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { addColumn, draftFromBoard, moveColumn, removeColumn, renameColumn, settingsPayload, type BoardSettingsDraft } from '../settings-model';

export type SendCommand = <C extends CommandName>(name: C, payload: CommandArgs<C>) => Promise<CommandResult<C>>;

/** Mounted in the console: the live command function. */
export function BoardSettings({ board }: { board: BoardSnapshot }) {
  const send = useCommand();
  return <BoardSettingsForm board={board} send={send} />;
}

/**
 * The facilitator's board settings. Edits are kept locally until « Enregistrer » so a half-typed
 * column title never reaches the members; the server re-checks everything (empty columns only, bounds).
 */
export function BoardSettingsForm({ board, send }: { board: BoardSnapshot; send: SendCommand }) {
  const { t } = useTranslation('boards');
  const uid = useId();
  const view = board.board;
  const [base, setBase] = useState<BoardSettingsDraft>(() => draftFromBoard(view));
  const [draft, setDraft] = useState<BoardSettingsDraft>(base);
  const [newTitle, setNewTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // Follow changes made elsewhere (console buttons, another facilitator) while nothing is edited
  // here; during an edit the payload only carries the touched fields, so nothing is reverted.
  const dirty = Object.keys(settingsPayload(view.activityId, draft, base)).length > 1;
  useEffect(() => {
    if (dirty) return;
    const fresh = draftFromBoard(view);
    setBase(fresh);
    setDraft(fresh);
  }, [view]);

  const ideasIn = (id: string | undefined) => (id ? board.ideas.filter((i) => i.columnId === id && i.status !== 'withdrawn' && i.status !== 'merged').length : 0);
  const update = (patch: Partial<BoardSettingsDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const run = async (action: () => Promise<BoardView>) => {
    setBusy(true);
    setError(null);
    try {
      const result = draftFromBoard(await action());
      setBase(result);
      setDraft(result);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => send('board.settings', settingsPayload(view.activityId, draft, base)));
  };

  const onAdd = () => {
    if (!newTitle.trim() || draft.columns.length >= BOARD_LIMITS.columns) return;
    update({ columns: addColumn(draft.columns, newTitle) });
    setNewTitle('');
  };

  const cols = draft.columns;
  return (
    <form className="stack board-settings" onSubmit={onSubmit} aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('settings.title')}</h3>
      <fieldset className="stack">
        <legend>{t('settings.columns')}</legend>
        <ol className="stack settings-columns">
          {cols.map((c, index) => {
            const count = ideasIn(c.id);
            const label = c.title || t('settings.untitled', { n: index + 1 });
            return (
              <li key={c.key} className="settings-column">
                <label htmlFor={`${uid}-${c.key}`}>{t('settings.columnTitle', { n: index + 1 })}</label>
                <input
                  id={`${uid}-${c.key}`}
                  value={c.title}
                  required
                  maxLength={BOARD_LIMITS.columnTitle}
                  onChange={(e) => update({ columns: renameColumn(cols, c.key, e.target.value) })}
                />
                <div className="button-row">
                  <button type="button" className="button" disabled={index === 0} aria-label={t('settings.up', { title: label })} onClick={() => update({ columns: moveColumn(cols, c.key, -1) })}>
                    ↑
                  </button>
                  <button type="button" className="button" disabled={index === cols.length - 1} aria-label={t('settings.down', { title: label })} onClick={() => update({ columns: moveColumn(cols, c.key, 1) })}>
                    ↓
                  </button>
                  <button type="button" className="button" disabled={count > 0 || cols.length <= 1} aria-label={t('settings.remove', { title: label })} onClick={() => update({ columns: removeColumn(cols, c.key) })}>
                    {t('settings.removeShort')}
                  </button>
                </div>
                {count > 0 && <p className="muted">{t('settings.notEmpty', { count })}</p>}
              </li>
            );
          })}
        </ol>
        <div className="stack">
          <label htmlFor={`${uid}-new`}>{t('settings.newColumn')}</label>
          <input id={`${uid}-new`} value={newTitle} maxLength={BOARD_LIMITS.columnTitle} onChange={(e) => setNewTitle(e.target.value)} onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onAdd();
            }
          }} />
          <button type="button" className="button" disabled={!newTitle.trim() || cols.length >= BOARD_LIMITS.columns} onClick={onAdd}>
            {t('settings.add')}
          </button>
          {cols.length >= BOARD_LIMITS.columns && <p className="muted">{t('settings.maxColumns', { max: BOARD_LIMITS.columns })}</p>}
        </div>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('settings.supports')}</legend>
        <label>
          <input type="radio" name={`${uid}-mode`} checked={draft.supportMode === 'single'} onChange={() => update({ supportMode: 'single' })} /> {t('settings.single')}
        </label>
        <label>
          <input type="radio" name={`${uid}-mode`} checked={draft.supportMode === 'dots'} onChange={() => update({ supportMode: 'dots' })} /> {t('settings.dots')}
        </label>
        {draft.supportMode === 'dots' && (
          <>
            <label htmlFor={`${uid}-dots`}>{t('settings.dotsPerMember')}</label>
            <input id={`${uid}-dots`} type="number" inputMode="numeric" min={1} max={BOARD_LIMITS.dotsPerMember} value={draft.dotsPerMember} onChange={(e) => update({ dotsPerMember: Number(e.target.value) })} />
            <label htmlFor={`${uid}-max`}>{t('settings.dotsPerIdeaMax')}</label>
            <input id={`${uid}-max`} type="number" inputMode="numeric" min={1} max={draft.dotsPerMember || BOARD_LIMITS.dotsPerMember} value={draft.dotsPerIdeaMax} onChange={(e) => update({ dotsPerIdeaMax: Number(e.target.value) })} />
          </>
        )}
        <label>
          <input type="checkbox" checked={draft.supportsHidden} onChange={(e) => update({ supportsHidden: e.target.checked })} /> {t('settings.supportsHidden')}
        </label>
        <label htmlFor={`${uid}-eligibility`}>{t('settings.supportEligibility')}</label>
        <select
          id={`${uid}-eligibility`}
          value={draft.supportEligibility ?? ''}
          onChange={(e) => update({ supportEligibility: e.target.value === 'present' || e.target.value === 'verified' ? e.target.value : null })}
        >
          <option value="">{t('settings.eligibilityDefault')}</option>
          <option value="verified">{t('settings.eligibilityVerified')}</option>
          <option value="present">{t('settings.eligibilityPresent')}</option>
        </select>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('settings.moderation')}</legend>
        <label>
          <input type="radio" name={`${uid}-moderation`} checked={draft.moderation === 'post'} onChange={() => update({ moderation: 'post' })} /> {t('settings.post')}
        </label>
        <label>
          <input type="radio" name={`${uid}-moderation`} checked={draft.moderation === 'pre'} onChange={() => update({ moderation: 'pre' })} /> {t('settings.pre')}
        </label>
        <label>
          <input type="checkbox" checked={draft.anonymousAllowed} onChange={(e) => update({ anonymousAllowed: e.target.checked })} /> {t('settings.anonymous')}
        </label>
      </fieldset>

      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settings.save')}
        </button>
        {view.state !== 'draft' && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => send('board.lock', { activityId: view.activityId, locked: view.state !== 'locked' }))}>
            {view.state === 'locked' ? t('settings.unlock') : t('settings.lock')}
          </button>
        )}
      </div>
      <p role="status" className="muted">
        {saved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
