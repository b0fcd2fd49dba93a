import type { SessionState } from '@palabre/contracts';
import type { Transitions } from './machine';

/** draft → live → closed → archived; a closed session may go live again until it is sealed. */
export const SESSION_TRANSITIONS: Transitions<SessionState> = {
  draft: ['live'],
  live: ['closed'],
  closed: ['live', 'archived'],
  archived: [],
};

/** Once archived (sealed) a session is read-only everywhere. */
export function isSessionWritable(state: SessionState): boolean {
  return state !== 'archived';
}

/** Members act only while the session is live; staff prepare it while draft too. */
export function isSessionOpenForMembers(state: SessionState): boolean {
  return state === 'live';
}
