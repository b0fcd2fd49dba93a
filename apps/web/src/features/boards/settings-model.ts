import type { BoardView } from '@palabre/contracts';
import type { CommandArgs } from '../../lib/live';

/** A column being edited: `id` is absent for a column added in this form (the server derives it). */
export interface DraftColumn {
  key: string;
  id?: string;
  title: string;
}

export type BoardSettingsDraft = Omit<BoardView, 'activityId' | 'state' | 'columns'> & { columns: DraftColumn[] };

export function draftFromBoard(board: BoardView): BoardSettingsDraft {
  const { activityId: _a, state: _s, columns, ...rest } = board;
  return { ...rest, columns: columns.map((c) => ({ key: c.id, id: c.id, title: c.title })) };
}

let nextKey = 0;

export function addColumn(columns: DraftColumn[], title: string): DraftColumn[] {
  nextKey += 1;
  return [...columns, { key: `new-${nextKey}`, title: title.trim() }];
}

export function renameColumn(columns: DraftColumn[], key: string, title: string): DraftColumn[] {
  return columns.map((c) => (c.key === key ? { ...c, title } : c));
}

export function removeColumn(columns: DraftColumn[], key: string): DraftColumn[] {
  return columns.filter((c) => c.key !== key);
}

/** Moves a column one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveColumn(columns: DraftColumn[], key: string, delta: -1 | 1): DraftColumn[] {
  const from = columns.findIndex((c) => c.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= columns.length) return columns;
  const next = [...columns];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

const columnsOut = (columns: DraftColumn[]) => columns.map((c) => (c.id ? { id: c.id, title: c.title.trim() } : { title: c.title.trim() }));

/**
 * The `board.settings` payload with only what the facilitator changed since `base` (the board as
 * the form loaded it), so a setting toggled meanwhile from the console buttons or by another
 * facilitator is not reverted. Existing columns keep their id so their ideas stay in place.
 */
export function settingsPayload(activityId: string, draft: BoardSettingsDraft, base: BoardSettingsDraft): CommandArgs<'board.settings'> {
  const payload: CommandArgs<'board.settings'> = { activityId };
  const columns = columnsOut(draft.columns);
  if (JSON.stringify(columns) !== JSON.stringify(columnsOut(base.columns))) payload.columns = columns;
  if (draft.moderation !== base.moderation) payload.moderation = draft.moderation;
  if (draft.supportMode !== base.supportMode) payload.supportMode = draft.supportMode;
  if (draft.dotsPerMember !== base.dotsPerMember) payload.dotsPerMember = draft.dotsPerMember;
  if (draft.dotsPerIdeaMax !== base.dotsPerIdeaMax) payload.dotsPerIdeaMax = draft.dotsPerIdeaMax;
  if (draft.supportsHidden !== base.supportsHidden) payload.supportsHidden = draft.supportsHidden;
  if (draft.anonymousAllowed !== base.anonymousAllowed) payload.anonymousAllowed = draft.anonymousAllowed;
  if (draft.supportEligibility !== base.supportEligibility) payload.supportEligibility = draft.supportEligibility;
  return payload;
}
