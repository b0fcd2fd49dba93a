import type { ParticipantRole, QuestionState, ResultsVisibility, SurveyState } from '@palabre/contracts';
import { isStaffRole } from '../permissions/commands';
import type { Transitions } from './machine';

/** draft → open → closed → published; a closed or published question may reopen (its ballots stay). */
export const QUESTION_TRANSITIONS: Transitions<QuestionState> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'published'],
  published: ['open'],
};

/** A question's prompt, type and options are frozen once members could vote on it. */
export function isQuestionEditable(state: QuestionState): boolean {
  return state === 'draft';
}

/** The survey as the agenda shows it: open while any question is, published once all are. */
export function surveyStateOf(states: readonly QuestionState[]): SurveyState {
  if (states.includes('open')) return 'open';
  if (states.length > 0 && states.every((s) => s === 'published')) return 'published';
  if (states.some((s) => s === 'closed' || s === 'published')) return 'closed';
  return 'draft';
}

/**
 * Who sees a question's results: staff always (to run the room); everyone else never for a
 * draft, during the vote only with live visibility, and in any case once published.
 */
export function canSeeResults(role: ParticipantRole, visibility: ResultsVisibility, state: QuestionState): boolean {
  if (isStaffRole(role)) return true;
  if (state === 'draft') return false;
  return state === 'published' || visibility === 'live';
}

/**
 * The same list in an order of its own to each viewer, stable across reloads: a
 * Fisher–Yates shuffle driven by a small PRNG seeded with the viewer and question ids.
 * Not meant to be secret, only to spread first-position bias.
 */
export function shuffledFor<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const next = () => {
    // mulberry32
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
