import fc from 'fast-check';
import { ParticipantRole, QuestionState } from '@palabre/contracts';
import { canSeeResults, canTransition, QUESTION_TRANSITIONS, shuffledFor, surveyStateOf } from '../index';

describe('question lifecycle', () => {
  it('opens, closes, publishes and reopens, never skipping the close', () => {
    expect(canTransition(QUESTION_TRANSITIONS, 'draft', 'open')).toBe(true);
    expect(canTransition(QUESTION_TRANSITIONS, 'open', 'published')).toBe(false);
    expect(canTransition(QUESTION_TRANSITIONS, 'draft', 'closed')).toBe(false);
    expect(canTransition(QUESTION_TRANSITIONS, 'closed', 'open')).toBe(true);
    expect(canTransition(QUESTION_TRANSITIONS, 'published', 'open')).toBe(true);
    expect(canTransition(QUESTION_TRANSITIONS, 'open', 'draft')).toBe(false);
  });

  it('derives the survey state shown in the agenda from its questions', () => {
    expect(surveyStateOf([])).toBe('draft');
    expect(surveyStateOf(['draft', 'draft'])).toBe('draft');
    expect(surveyStateOf(['closed', 'open'])).toBe('open');
    expect(surveyStateOf(['closed', 'draft'])).toBe('closed');
    expect(surveyStateOf(['published', 'closed'])).toBe('closed');
    expect(surveyStateOf(['published', 'published'])).toBe('published');
  });
});

describe('results visibility', () => {
  it('shows staff everything and others live results, or staff-only results once published', () => {
    for (const role of ParticipantRole.options) {
      for (const state of QuestionState.options) {
        const staff = role === 'facilitator' || role === 'organiser';
        expect([role, state, canSeeResults(role, 'staff', state)]).toEqual([role, state, staff || state === 'published']);
        expect([role, state, canSeeResults(role, 'live', state)]).toEqual([role, state, staff || state !== 'draft']);
      }
    }
  });
});

describe('per-viewer shuffle', () => {
  it('is a permutation, stable for one seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.string(), (items, seed) => {
        const once = shuffledFor(items, seed);
        expect(once).toEqual(shuffledFor(items, seed));
        expect([...once].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('gives different viewers different orders', () => {
    const items = Array.from({ length: 8 }, (_, i) => i);
    const orders = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => shuffledFor(items, `${seed}:q`).join(',')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
