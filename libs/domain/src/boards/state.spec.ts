import { canTransition } from '../state/machine';
import { BOARD_TRANSITIONS, canAuthorChange, canSeeIdea, columnIdsFor, IDEA_TRANSITIONS } from './state';

describe('idea moderation states', () => {
  it('lets restore undo a hide and a reject, but never revives a withdrawn or merged idea', () => {
    expect(canTransition(IDEA_TRANSITIONS, 'hidden', 'visible')).toBe(true);
    expect(canTransition(IDEA_TRANSITIONS, 'rejected', 'visible')).toBe(true);
    expect(canTransition(IDEA_TRANSITIONS, 'withdrawn', 'visible')).toBe(false);
    expect(canTransition(IDEA_TRANSITIONS, 'merged', 'visible')).toBe(false);
  });

  it('opens a draft board once and toggles the lock', () => {
    expect(canTransition(BOARD_TRANSITIONS, 'draft', 'open')).toBe(true);
    expect(canTransition(BOARD_TRANSITIONS, 'open', 'locked')).toBe(true);
    expect(canTransition(BOARD_TRANSITIONS, 'locked', 'open')).toBe(true);
    expect(canTransition(BOARD_TRANSITIONS, 'draft', 'locked')).toBe(false);
  });

  it('shows pending and hidden ideas to staff and their author only', () => {
    const idea = { status: 'pending', authorId: 'me' } as const;
    expect(canSeeIdea({ role: 'member', participantId: 'other' }, idea)).toBe(false);
    expect(canSeeIdea({ role: 'observer', participantId: 'screen' }, idea)).toBe(false);
    expect(canSeeIdea({ role: 'member', participantId: 'me' }, idea)).toBe(true);
    expect(canSeeIdea({ role: 'facilitator', participantId: 'staff' }, idea)).toBe(true);
    expect(canSeeIdea({ role: 'member', participantId: 'other' }, { status: 'merged', authorId: 'me' })).toBe(true);
  });

  it('lets the author change an idea only until a facilitator acted on it', () => {
    expect(canAuthorChange({ status: 'visible', staffActed: false })).toBe(true);
    expect(canAuthorChange({ status: 'visible', staffActed: true })).toBe(false);
    expect(canAuthorChange({ status: 'hidden', staffActed: false })).toBe(false);
  });

  it('derives stable, unique column ids from French titles', () => {
    expect(columnIdsFor([{ title: 'Gouvernance' }, { title: 'Évaluation' }, { title: 'évaluation' }, { id: 'keep', title: 'X' }])).toEqual([
      'gouvernance',
      'evaluation',
      'evaluation-2',
      'keep',
    ]);
  });
});
