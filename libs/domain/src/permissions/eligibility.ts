import type { Eligibility } from '@palabre/contracts';

/**
 * Who may take part in a question (or a board's supports): the one rule, for every write path.
 * Absent, a session with a roster asks for verified members (personal invitation, or a roster
 * name confirmed by a facilitator); a session without one lets everyone present take part.
 */
export function resolveEligibility(chosen: Eligibility | undefined | null, sessionHasRoster: boolean): Eligibility {
  return chosen ?? (sessionHasRoster ? 'verified' : 'present');
}

export function isEligible(eligibility: Eligibility, participant: { verified: boolean }): boolean {
  return eligibility === 'present' || participant.verified;
}
