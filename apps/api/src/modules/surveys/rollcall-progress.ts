import type { BallotChannel, RollCallProgress } from '@palabre/contracts';
import { rollCallProgress } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { ballotsRepository } from './ballots.repository';
import { sessionMembers } from './proxies.service';

/** Members called and passed (did not answer) on a question's roll call; null when none was started. */
export async function readRollCall(m: EntityManager, questionId: string): Promise<Set<string> | null> {
  const rows = await ballotsRepository.rollCall(m, questionId);
  return rows[0] ? new Set(rows[0].passed) : null;
}

/** How each member voted on a named question (`ballot.channel`). */
export async function namedChannels(m: EntityManager, questionId: string): Promise<Map<string, BallotChannel>> {
  const rows = await ballotsRepository.namedVoters(m, questionId);
  return new Map(rows.map((r) => [r.participant_id, r.channel]));
}

/**
 * A question's roll-call progress (libs/domain `rollCallProgress`), or undefined when no roll call
 * was started: one primary-key read on the live results' path. Roll calls are for named questions.
 */
export async function readRollCallProgress(m: EntityManager, sessionId: string, questionId: string): Promise<(RollCallProgress & { next: string | null }) | undefined> {
  const passed = await readRollCall(m, questionId);
  if (!passed) return undefined;
  return rollCallProgress(await sessionMembers(m, sessionId), await namedChannels(m, questionId), passed);
}

