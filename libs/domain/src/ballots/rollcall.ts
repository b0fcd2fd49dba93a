import type { BallotChannel, QuestionConfig, RollCallProgress, SurveyAnonymity } from '@palabre/contracts';

/**
 * Roll call (« appel nominal », docs/proxies.md): for a named yes / no / abstain question the
 * facilitator calls the session's members one at a time in roster order and enters each answer
 * (an assisted ballot, the one ballot path). A member who already voted (phone, proxy, paper) is
 * skipped; a member who does not answer is passed. Pure rules: which questions, the order, the progress.
 */

export type RollCallRefusal = 'ROLLCALL_NAMED_YESNO';

/** A roll call is for named yes / no / abstain questions only (a called answer is public). */
export function checkRollCall(config: Pick<QuestionConfig, 'type'>, anonymity: SurveyAnonymity): RollCallRefusal | null {
  return config.type === 'yesno' && anonymity === 'named' ? null : 'ROLLCALL_NAMED_YESNO';
}

/** A member of the roll: participant id and display name. */
export interface RollMember {
  id: string;
  name: string;
}

/** Roster order: by name as a French reader sorts them (accents and case aside), then by id so equal names keep one order. */
export function rollCallOrder<M extends RollMember>(members: readonly M[]): M[] {
  return [...members].sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where a member of the roll stands: voted (and how), passed (did not answer when called), or still to call. */
export type RollStatus = { kind: 'voted'; channel: BallotChannel } | { kind: 'passed' } | { kind: 'waiting' };

export function rollStatus(memberId: string, voted: ReadonlyMap<string, BallotChannel>, passed: ReadonlySet<string>): RollStatus {
  const channel = voted.get(memberId);
  if (channel) return { kind: 'voted', channel };
  return passed.has(memberId) ? { kind: 'passed' } : { kind: 'waiting' };
}

/**
 * The progress of a roll call: `called` members out of `total`, where a member is called once
 * they voted (through any channel: those who voted on their phone are skipped) or were passed;
 * `next` is the first member in roster order still to call (null when the roll is done).
 */
export function rollCallProgress(members: readonly RollMember[], voted: ReadonlyMap<string, BallotChannel>, passed: ReadonlySet<string>): RollCallProgress & { next: string | null } {
  const order = rollCallOrder(members);
  let called = 0;
  let next: string | null = null;
  for (const m of order) {
    if (rollStatus(m.id, voted, passed).kind === 'waiting') next ??= m.id;
    else called++;
  }
  return { called, total: order.length, next };
}

/**
 * May a roll-call answer be written for a member whose ballot on the question was cast through
 * `existing`? Only over an earlier answer of the roll (an assisted ballot): a member who voted on
 * their phone, by proxy or on paper is skipped, never overwritten by the roll.
 */
export function rollCallAnswerRefusal(existing: BallotChannel | undefined): 'ROLLCALL_ALREADY_VOTED' | null {
  return existing === undefined || ROLLCALL_REPLACEABLE.includes(existing) ? null : 'ROLLCALL_ALREADY_VOTED';
}

/** The channels a roll-call answer may replace (see `rollCallAnswerRefusal`): the SQL upsert checks this list too. */
export const ROLLCALL_REPLACEABLE: readonly BallotChannel[] = ['assisted'];
