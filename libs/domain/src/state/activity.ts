import type { ActivityKind } from '@palabre/contracts';

/** Where an activity of each kind stands in the agenda, by its own states (drafts are 'draft' for every kind). */
export interface ActivityKindStates {
  /** Members may contribute: the agenda's « en cours ». */
  readonly running: readonly string[];
  /** Finished: nothing can be written until a facilitator reopens it. */
  readonly closed: readonly string[];
}

/**
 * One table for every kind: the server's activity lifecycle and the console read it. A new kind
 * in the contracts fails to compile until it says which of its states run and which are closed.
 */
export const ACTIVITY_STATES: Record<ActivityKind, ActivityKindStates> = {
  // A survey's state follows its questions (surveyStateOf): open while any question is.
  survey: { running: ['open'], closed: ['closed', 'published'] },
  // A board closes by locking: read-only, its ideas and supports as they were.
  board: { running: ['open'], closed: ['locked'] },
  qna: { running: ['open'], closed: ['closed'] },
  groups: { running: ['live', 'report_back'], closed: ['closed'] },
  opinions: { running: ['open'], closed: ['closed'] },
  // A speakers' list takes requests while open; closed, nobody asks and nobody is given the floor.
  floor: { running: ['open'], closed: ['closed'] },
  // A text takes amendments and votes while open; closed, the record is final.
  amendments: { running: ['open'], closed: ['closed'] },
};

export function isActivityRunning(activity: { kind: ActivityKind; state: string }): boolean {
  return ACTIVITY_STATES[activity.kind].running.includes(activity.state);
}
