import { Injectable } from '@nestjs/common';
import type { BallotReceipt, BallotValue, CommandPayload, QuestionConfig, QuestionState, SurveyAnonymity } from '@palabre/contracts';
import { ballotCommitment, canWriteActivity, isEligible, isSessionOpenForMembers, resolveEligibility, validateBallot, voterToken, type ProfiledBallot } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { returningRows } from '../../database/returning';

const REFUSED: Partial<Record<QuestionState, 'QUESTION_NOT_OPEN' | 'VOTING_CLOSED'>> = {
  draft: 'QUESTION_NOT_OPEN',
  closed: 'VOTING_CLOSED',
  published: 'VOTING_CLOSED',
};

/** What casting needs to know about a question, read with its row FOR SHARE. */
export interface BallotQuestion {
  id: string;
  session_id: string;
  state: QuestionState;
  config: QuestionConfig;
  activity_id: string;
  group_id: string | null;
  anonymity: SurveyAnonymity;
  /** The session has a roster: unless the question says otherwise, only verified members answer. */
  has_roster: boolean;
}

export const QUESTION_COLUMNS =
  'q.id, a.session_id, q.state, q.config, q.activity_id, a.group_id, s.anonymity, EXISTS (SELECT 1 FROM participant r WHERE r.session_id = a.session_id AND r.member_id IS NOT NULL) AS has_roster';
export const QUESTION_FROM = 'FROM survey_question q JOIN activity a ON a.id = q.activity_id JOIN survey s ON s.activity_id = q.activity_id';

/**
 * The checks of a ballot, in order, once its sender may write in the session: the question
 * exists for this member (not another group's), the session and the question are open, the
 * member is eligible (verified-only questions), the value fits the question. Returns the question
 * and the normalised value, or throws the refusal.
 */
export function admitBallot(
  question: BallotQuestion | undefined,
  actor: ParticipantActor,
  p: CommandPayload<'ballot.cast'>,
  sessionState: string,
): { question: BallotQuestion; value: BallotValue } {
  if (!question || question.session_id !== actor.sessionId) throw new AppError('NOT_FOUND');
  // Another working group's survey does not exist for this member.
  if (question.group_id !== null && !canWriteActivity({ role: actor.role, actorGroupId: actor.groupId, activityGroupId: question.group_id, reportBackOpen: false })) {
    throw new AppError('NOT_FOUND');
  }
  if (!isSessionOpenForMembers(sessionState as never)) throw new AppError('SESSION_NOT_OPEN');
  const refused = REFUSED[question.state];
  if (refused) throw new AppError(refused);
  if (!isEligible(resolveEligibility(question.config.eligibility, question.has_roster), { verified: actor.verified === true })) throw new AppError('NOT_ELIGIBLE');
  const check = validateBallot(question.config, p.value);
  if (!check.ok) throw new AppError(check.code);
  return { question, value: check.value };
}

/** One admitted ballot of a batch (see BallotsService.castMany). */
export interface BallotWrite {
  questionId: string;
  activityId: string;
  participantId: string;
  anonymity: SurveyAnonymity;
  value: BallotValue;
  /** Anonymous surveys: the question secret sent by the voter's device (never stored). */
  secret?: string;
}

/** An anonymous ballot whose receipt is written: its commitment, for the mixer (BallotMixer). */
export interface AnonymousAdmitted {
  commitment: string;
  activityId: string;
  /** The ballot as admitted (normalised by validateBallot). */
  value: BallotValue;
  /** The receipt was written by this command (a first ballot), not found from an earlier one. */
  freshReceipt: boolean;
}

/** Writing ballots (for BallotBatcher, their only writer) and reading them back, in both anonymity modes. */
@Injectable()
export class BallotsService {
  /**
   * Cast or replace admitted ballots, at most one per (question, participant), in a few
   * multi-row statements. Named: the ballot (`replaced`). Anonymous: only the receipt, checked
   * against the voter token (the same device), and the commitment for the mixer (rows in key order, so concurrent
   * writers lock them in the same order). For each write, in order: `replaced`, or the refusal.
   */
  async castMany(m: EntityManager, writes: readonly BallotWrite[]): Promise<(boolean | AppError | AnonymousAdmitted)[]> {
    const outcomes = new Map<BallotWrite, boolean | AppError | AnonymousAdmitted>();
    const named = writes.filter((w) => w.anonymity === 'named');
    if (named.length > 0) {
      const rows = returningRows<{ question_id: string; participant_id: string; inserted: boolean }>(
        await m.query(
        `INSERT INTO ballot (question_id, participant_id, value)
         SELECT r.question_id, r.participant_id, r.value FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid, value jsonb)
          ORDER BY r.question_id, r.participant_id
         ON CONFLICT (question_id, participant_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
         RETURNING question_id, participant_id, (xmax = 0) AS inserted`,
          [JSON.stringify(named.map((w) => ({ question_id: w.questionId, participant_id: w.participantId, value: w.value })))],
        ),
      );
      const inserted = new Map(rows.map((r) => [`${r.question_id}:${r.participant_id}`, r.inserted]));
      for (const w of named) outcomes.set(w, inserted.get(`${w.questionId}:${w.participantId}`) === false);
    }
    const anonymous: { w: BallotWrite; secret: string }[] = [];
    for (const w of writes.filter((x) => x.anonymity === 'anonymous')) {
      if (w.secret) anonymous.push({ w, secret: w.secret });
      else outcomes.set(w, new AppError('BALLOT_SECRET_REQUIRED'));
    }
    if (anonymous.length > 0) {
      // The receipt (who voted) with the voter token; the ballot itself goes to the mixer, in another transaction.
      const rows = anonymous.map(({ w, secret }) => ({ question_id: w.questionId, participant_id: w.participantId, voter_token: voterToken(secret) }));
      const inserted = returningRows<{ question_id: string; participant_id: string }>(
        await m.query(
          `INSERT INTO ballot_receipt (question_id, participant_id, voter_token)
           SELECT r.question_id, r.participant_id, r.voter_token FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid, voter_token text)
            ORDER BY r.question_id, r.participant_id
           ON CONFLICT DO NOTHING RETURNING question_id, participant_id`,
          [JSON.stringify(rows)],
        ),
      );
      const fresh = new Set(inserted.map((r) => `${r.question_id}:${r.participant_id}`));
      const again = anonymous.filter(({ w }) => !fresh.has(`${w.questionId}:${w.participantId}`));
      const tokens = new Map<string, string | null>();
      if (again.length > 0) {
        const found: { question_id: string; participant_id: string; voter_token: string | null }[] = await m.query(
          `SELECT b.question_id, b.participant_id, b.voter_token FROM ballot_receipt b
             JOIN jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid) ON b.question_id = r.question_id AND b.participant_id = r.participant_id`,
          [JSON.stringify(again.map(({ w }) => ({ question_id: w.questionId, participant_id: w.participantId })))],
        );
        for (const r of found) tokens.set(`${r.question_id}:${r.participant_id}`, r.voter_token);
      }
      for (const { w, secret } of anonymous) {
        const key = `${w.questionId}:${w.participantId}`;
        if (fresh.has(key)) outcomes.set(w, { commitment: ballotCommitment(secret), activityId: w.activityId, value: w.value, freshReceipt: true });
        else {
          const token = tokens.get(key);
          // Only the device that cast the ballot holds the secret behind the token; a ballot cast before tokens existed is final.
          if (token === null || token === undefined) outcomes.set(w, new AppError('BALLOT_NOT_CHANGEABLE'));
          else if (token !== voterToken(secret)) outcomes.set(w, new AppError('BALLOT_OTHER_DEVICE'));
          else outcomes.set(w, { commitment: ballotCommitment(secret), activityId: w.activityId, value: w.value, freshReceipt: false });
        }
      }
    }
    return writes.map((w) => {
      const outcome = outcomes.get(w);
      // Never expected: failing the batch writes its ballots again in batches of one.
      if (outcome === undefined) throw new Error(`castMany: no outcome for question ${w.questionId}`);
      return outcome;
    });
  }

  /** Every stored ballot of a question, in no meaningful order. */
  async values(m: EntityManager, questionId: string, anonymity: SurveyAnonymity): Promise<BallotValue[]> {
    const table = anonymity === 'anonymous' ? 'anonymous_ballot' : 'ballot';
    const rows: { value: BallotValue }[] = await m.query(`SELECT value FROM ${table} WHERE question_id = $1`, [questionId]);
    return rows.map((r) => r.value);
  }

  /** Named ballots with their voter's roster profile, for the breakdown (never for anonymous surveys). */
  async profiled(m: EntityManager, questionId: string): Promise<ProfiledBallot[]> {
    const rows: { value: BallotValue; territory_type: string | null; category: string | null; gender: string | null }[] = await m.query(
      `SELECT b.value, mb.territory_type, mb.category, mb.gender
         FROM ballot b JOIN participant p ON p.id = b.participant_id LEFT JOIN member mb ON mb.id = p.member_id
        WHERE b.question_id = $1`,
      [questionId],
    );
    return rows.map((r) => ({
      value: r.value,
      voter: { territoryType: r.territory_type, category: r.category, gender: r.gender } as ProfiledBallot['voter'],
    }));
  }

  /**
   * My current named ballots on these questions. Anonymous ones are not found by the server
   * (nothing it keeps maps me to them): my device keeps what it cast.
   */
  async mine(m: EntityManager, participantId: string, questions: readonly { id: string; anonymity: SurveyAnonymity }[]): Promise<Record<string, BallotValue>> {
    const mine: Record<string, BallotValue> = {};
    const named = questions.filter((q) => q.anonymity === 'named').map((q) => q.id);
    if (named.length > 0) {
      const rows: { question_id: string; value: BallotValue }[] = await m.query('SELECT question_id, value FROM ballot WHERE participant_id = $1 AND question_id = ANY($2::uuid[])', [participantId, named]);
      for (const r of rows) mine[r.question_id] = r.value;
    }
    return mine;
  }
}
