import { Injectable } from '@nestjs/common';
import type { BallotReceipt, BallotValue, CommandPayload, QuestionConfig, QuestionState, SurveyAnonymity } from '@palabre/contracts';
import { canWriteActivity, isEligible, isSessionOpenForMembers, resolveEligibility, validateBallot, type ProfiledBallot } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { returningRows } from '../../database/returning';
import { BallotKeys } from './ballot-key';

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
 * member is eligible (verified-only questions), the value fits the question. Returns the question and the normalised value, or throws the
 * refusal. Both the one-by-one path and the batch (BallotBatcher) use it.
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
  participantId: string;
  anonymity: SurveyAnonymity;
  value: BallotValue;
}

/** Casting ballots and reading them back, in both anonymity modes. */
@Injectable()
export class BallotsService {
  constructor(private readonly keys: BallotKeys) {}

  /**
   * Cast or replace a ballot. The question row is read FOR SHARE in this transaction: a close
   * (which takes it FOR UPDATE) waits for the ballots in flight, and any ballot that reaches
   * the lock after the close has committed sees `closed` and is refused. No ballot commits
   * after the close commits.
   */
  async cast(tx: Tx, actor: ParticipantActor, p: CommandPayload<'ballot.cast'>, sessionState: string): Promise<BallotReceipt> {
    // The hot path: question, activity and survey in one round trip, the question row FOR SHARE.
    const rows: BallotQuestion[] = await tx.manager.query(`SELECT ${QUESTION_COLUMNS} ${QUESTION_FROM} WHERE q.id = $1 AND a.session_id = $2 FOR SHARE OF q`, [
      p.questionId,
      actor.sessionId,
    ]);
    const { question, value } = admitBallot(rows[0], actor, p, sessionState);
    const replaced =
      question.anonymity === 'anonymous'
        ? await this.castAnonymous(tx.manager, p.questionId, actor.participantId, value)
        : await this.castNamed(tx.manager, p.questionId, actor.participantId, value);
    const activityId = question.activity_id;
    await tx.publish('ballot.recorded', actor.sessionId, { activityId, questionId: p.questionId, value }, { room: rooms.participant(actor.participantId) });
    return { activityId, questionId: p.questionId, replaced };
  }

  /** The unique (question, participant) index makes a second row impossible; a change updates the row. */
  private async castNamed(m: EntityManager, questionId: string, participantId: string, value: BallotValue): Promise<boolean> {
    const rows = returningRows<{ inserted: boolean }>(
      await m.query(
        `INSERT INTO ballot (question_id, participant_id, value) VALUES ($1, $2, $3)
         ON CONFLICT (question_id, participant_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [questionId, participantId, JSON.stringify(value)],
      ),
    );
    return rows[0]?.inserted === false;
  }

  /**
   * The receipt (primary key question + participant) says who voted, once; the ballot row
   * carries only its HMAC lookup key. A key that no longer matches (a rotated secret) makes the
   * recorded ballot final rather than letting a second one in.
   */
  private async castAnonymous(m: EntityManager, questionId: string, participantId: string, value: BallotValue): Promise<boolean> {
    const lookupKey = this.keys.of(questionId, participantId);
    const receipt = returningRows<unknown>(
      await m.query('INSERT INTO ballot_receipt (question_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING question_id', [questionId, participantId]),
    );
    if (receipt.length === 1) {
      await m.query('INSERT INTO anonymous_ballot (question_id, lookup_key, value) VALUES ($1, $2, $3)', [questionId, lookupKey, JSON.stringify(value)]);
      return false;
    }
    const updated = returningRows<unknown>(
      await m.query('UPDATE anonymous_ballot SET value = $3 WHERE question_id = $1 AND lookup_key = $2 RETURNING id', [questionId, lookupKey, JSON.stringify(value)]),
    );
    if (updated.length !== 1) throw new AppError('BALLOT_NOT_CHANGEABLE');
    return true;
  }

  /**
   * The batch twin of castNamed and castAnonymous: admitted ballots, at most one per (question,
   * participant), written in a few multi-row statements (rows in key order, so concurrent
   * writers lock them in the same order). For each write, in order: `replaced`, or the refusal.
   */
  async castMany(m: EntityManager, writes: readonly BallotWrite[]): Promise<(boolean | AppError)[]> {
    const outcomes = new Map<BallotWrite, boolean | AppError>();
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
    const anonymous = writes.filter((w) => w.anonymity === 'anonymous');
    if (anonymous.length > 0) {
      const receipts = returningRows<{ question_id: string; participant_id: string }>(
        await m.query(
          `INSERT INTO ballot_receipt (question_id, participant_id)
           SELECT r.question_id, r.participant_id FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid)
            ORDER BY r.question_id, r.participant_id
           ON CONFLICT DO NOTHING RETURNING question_id, participant_id`,
          [JSON.stringify(anonymous.map((w) => ({ question_id: w.questionId, participant_id: w.participantId })))],
        ),
      );
      const first = new Set(receipts.map((r) => `${r.question_id}:${r.participant_id}`));
      // Rows in lookup-key order: the table's physical order follows no voter.
      const keyed = anonymous.map((w) => ({ w, row: { question_id: w.questionId, lookup_key: this.keys.of(w.questionId, w.participantId), value: w.value } }));
      keyed.sort((a, b) => (a.row.lookup_key < b.row.lookup_key ? -1 : 1));
      const fresh = keyed.filter(({ w }) => first.has(`${w.questionId}:${w.participantId}`));
      const changes = keyed.filter(({ w }) => !first.has(`${w.questionId}:${w.participantId}`));
      if (fresh.length > 0) {
        await m.query(
          `INSERT INTO anonymous_ballot (question_id, lookup_key, value)
           SELECT r.question_id, r.lookup_key, r.value FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, lookup_key text, value jsonb)`,
          [JSON.stringify(fresh.map((k) => k.row))],
        );
        for (const { w } of fresh) outcomes.set(w, false);
      }
      if (changes.length > 0) {
        const updated = returningRows<{ lookup_key: string }>(
          await m.query(
            `UPDATE anonymous_ballot b SET value = r.value FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, lookup_key text, value jsonb)
              WHERE b.question_id = r.question_id AND b.lookup_key = r.lookup_key RETURNING b.lookup_key`,
            [JSON.stringify(changes.map((k) => k.row))],
          ),
        );
        const found = new Set(updated.map((r) => r.lookup_key));
        // As in castAnonymous: a key that no longer matches makes the recorded ballot final.
        for (const { w, row } of changes) outcomes.set(w, found.has(row.lookup_key) ? true : new AppError('BALLOT_NOT_CHANGEABLE'));
      }
    }
    return writes.map((w) => {
      const outcome = outcomes.get(w);
      // Never expected: failing the batch sends its ballots down the one-by-one path.
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

  /** My current ballots on these questions (anonymous ones found through my lookup keys). */
  async mine(m: EntityManager, participantId: string, questions: readonly { id: string; anonymity: SurveyAnonymity }[]): Promise<Record<string, BallotValue>> {
    const mine: Record<string, BallotValue> = {};
    const named = questions.filter((q) => q.anonymity === 'named').map((q) => q.id);
    if (named.length > 0) {
      const rows: { question_id: string; value: BallotValue }[] = await m.query('SELECT question_id, value FROM ballot WHERE participant_id = $1 AND question_id = ANY($2::uuid[])', [participantId, named]);
      for (const r of rows) mine[r.question_id] = r.value;
    }
    const anonymous = questions.filter((q) => q.anonymity === 'anonymous');
    if (anonymous.length > 0) {
      const byKey = new Map(anonymous.map((q) => [this.keys.of(q.id, participantId), q.id]));
      const rows: { lookup_key: string; value: BallotValue }[] = await m.query('SELECT lookup_key, value FROM anonymous_ballot WHERE lookup_key = ANY($1::text[])', [[...byKey.keys()]]);
      for (const r of rows) mine[byKey.get(r.lookup_key) ?? ''] = r.value;
    }
    return mine;
  }
}
