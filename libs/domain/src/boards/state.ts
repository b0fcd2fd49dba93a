import type { BoardState, IdeaStatus, ParticipantRole } from '@palabre/contracts';
import type { Transitions } from '../state/machine';
import { isStaffRole } from '../permissions/commands';

/** Board activity: members see it once open; locked is read-only for members. */
export const BOARD_TRANSITIONS: Transitions<BoardState> = {
  draft: ['open'],
  open: ['locked'],
  locked: ['open'],
};

/**
 * Idea moderation. `merged` and `withdrawn` are final: the merge trail and the author's
 * withdrawal are part of the record. Restore undoes a hide or a reject.
 */
export const IDEA_TRANSITIONS: Transitions<IdeaStatus> = {
  pending: ['visible', 'rejected', 'withdrawn', 'merged'],
  visible: ['hidden', 'withdrawn', 'merged'],
  hidden: ['visible'],
  rejected: ['visible'],
  merged: [],
  withdrawn: [],
};

/** Statuses members (and screens) see: the merged originals stay viewable through the trail. */
export function isPublicIdea(status: IdeaStatus): boolean {
  return status === 'visible' || status === 'merged';
}

/** Whether a viewer may see an idea: staff see all; others the public ones and their own. */
export function canSeeIdea(viewer: { role: ParticipantRole; participantId: string }, idea: { status: IdeaStatus; authorId: string }): boolean {
  if (isStaffRole(viewer.role)) return true;
  if (isPublicIdea(idea.status)) return true;
  return idea.authorId === viewer.participantId && idea.status !== 'withdrawn';
}

/** The author may edit or withdraw their idea until a facilitator has acted on it. */
export function canAuthorChange(idea: { status: IdeaStatus; staffActed: boolean }): boolean {
  return !idea.staffActed && (idea.status === 'visible' || idea.status === 'pending');
}

/** A column id from a title: lower-case ascii words joined by dashes, unique in the list. */
export function columnIdsFor(titles: readonly { id?: string; title: string }[]): string[] {
  const taken = new Set<string>();
  return titles.map((c, index) => {
    const base =
      c.id ??
      (c.title
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 32) || `colonne-${index + 1}`);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
