import type { BallotChannel, BallotValue, PaperTotals, QuestionConfig, QuestionState, SurveyAnonymity } from '@palabre/contracts';
import { REPLACEABLE_CHANNELS, ROLLCALL_REPLACEABLE } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { returningRows } from '../../database/returning';
import { hasRosterSql } from '../sessions/roster-rule';

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

const QUESTION_COLUMNS = `q.id, a.session_id, q.state, q.config, q.activity_id, a.group_id, s.anonymity, ${hasRosterSql('a.session_id')} AS has_roster`;
const QUESTION_FROM = 'FROM survey_question q JOIN activity a ON a.id = q.activity_id JOIN survey s ON s.activity_id = q.activity_id';

/** A (question, participant) pair, the key of a ballot and of its receipt. */
export interface BallotKey {
  question_id: string;
  participant_id: string;
}

/** A member a ballot is cast for (proxy or assisted), with the live proxy that represents them. */
export interface VoterRow {
  member_id: string;
  session_id: string;
  verified: boolean;
  group_id: string | null;
  display_name: string;
  proxy_holder: string | null;
}

/** A member of the session as a paper voter. */
export interface PaperVoterRow {
  id: string;
  display_name: string;
  group_id: string | null;
  verified: boolean;
}

/** Named and anonymous ballots, their receipts, the mixer's rows and the roll calls: the ballot paths' SQL. */
export const ballotsRepository = {
  /** One question as the ballot paths read it, FOR SHARE when `lock` (a close waits). */
  async question(m: EntityManager, questionId: string, lock: boolean): Promise<BallotQuestion | undefined> {
    const rows: BallotQuestion[] = await m.query(`SELECT ${QUESTION_COLUMNS} ${QUESTION_FROM} WHERE q.id = $1 ${lock ? 'FOR SHARE OF q' : ''}`, [questionId]);
    return rows[0];
  },

  /** A batch's questions FOR SHARE in id order (a close waits for the batch, or the batch sees it closed). */
  lockQuestions(m: EntityManager, questionIds: readonly string[]): Promise<BallotQuestion[]> {
    return m.query(`SELECT ${QUESTION_COLUMNS} ${QUESTION_FROM} WHERE q.id = ANY($1::uuid[]) ORDER BY q.id FOR SHARE OF q`, [questionIds]);
  },

  /** The members ballots are cast for, FOR SHARE in id order, with the live proxy representing each (if proxies are enabled). */
  lockVoters(m: EntityManager, memberIds: readonly string[]): Promise<VoterRow[]> {
    return m.query(
      `SELECT p.id AS member_id, p.session_id, p.member_id IS NOT NULL AS verified, p.group_id, p.display_name, x.holder_id AS proxy_holder
       FROM participant p
       LEFT JOIN proxy x ON x.giver_id = p.id AND x.lapsed_at IS NULL AND x.revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM session s WHERE s.id = x.session_id AND COALESCE((s.settings->'proxies'->>'enabled')::boolean, false))
      WHERE p.id = ANY($1::uuid[]) AND p.role = 'member' AND p.revoked_at IS NULL
      ORDER BY p.id FOR SHARE OF p`,
      [memberIds],
    );
  },

  /** The current version of these sessions. */
  sessionVersions(m: EntityManager, sessionIds: readonly string[]): Promise<{ id: string; version: number }[]> {
    return m.query('SELECT id, version FROM session WHERE id = ANY($1::uuid[])', [sessionIds]);
  },

  /** Give back the receipts of these first ballots (the mixer refused them). */
  async deleteReceipts(m: EntityManager, keys: readonly BallotKey[]): Promise<void> {
    await m.query(
      `DELETE FROM ballot_receipt b USING jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid)
              WHERE b.question_id = r.question_id AND b.participant_id = r.participant_id`,
      [JSON.stringify(keys)],
    );
  },

  /** The questions among these whose roll call is started. */
  rollCallsStarted(m: EntityManager, questionIds: readonly string[]): Promise<{ question_id: string }[]> {
    return m.query('SELECT question_id FROM roll_call WHERE question_id = ANY($1::uuid[])', [questionIds]);
  },

  /** The named ballots stored under these keys, with their channel. */
  namedChannelsOf(m: EntityManager, keys: readonly BallotKey[]): Promise<(BallotKey & { channel: BallotChannel })[]> {
    return m.query(
      `SELECT b.question_id, b.participant_id, b.channel FROM ballot b
       JOIN jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid) ON b.question_id = r.question_id AND b.participant_id = r.participant_id`,
      [JSON.stringify(keys)],
    );
  },

  /**
   * Insert or replace named ballots, in key order. A ballot cast through another channel is
   * replaced only where libs/domain `channelConflict` allows (REPLACEABLE_CHANNELS); the keys of
   * `rollCalls` replace only an earlier roll-call answer. The rows written, `inserted` when new.
   */
  async upsertNamed(
    m: EntityManager,
    rows: readonly (BallotKey & { value: BallotValue; channel: BallotChannel; cast_by: string | null })[],
    rollCalls: readonly BallotKey[],
  ): Promise<(BallotKey & { inserted: boolean })[]> {
    return returningRows<BallotKey & { inserted: boolean }>(
      await m.query(
        `INSERT INTO ballot (question_id, participant_id, value, channel, cast_by)
         SELECT r.question_id, r.participant_id, r.value, r.channel, r.cast_by FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid, value jsonb, channel text, cast_by uuid)
          ORDER BY r.question_id, r.participant_id
         ON CONFLICT (question_id, participant_id) DO UPDATE SET value = EXCLUDED.value, channel = EXCLUDED.channel, cast_by = EXCLUDED.cast_by, updated_at = now()
          WHERE (ballot.channel || '>' || EXCLUDED.channel) = ANY($2::text[])
            -- A roll-call answer never replaces a ballot the member cast meanwhile (checked on the row as locked here).
            AND (ballot.channel = ANY($4::text[]) OR (ballot.question_id, ballot.participant_id) NOT IN (SELECT c.question_id, c.participant_id FROM jsonb_to_recordset($3::jsonb) AS c(question_id uuid, participant_id uuid)))
         RETURNING question_id, participant_id, (xmax = 0) AS inserted`,
        [JSON.stringify(rows), REPLACEABLE_CHANNELS, JSON.stringify(rollCalls), ROLLCALL_REPLACEABLE],
      ),
    );
  },

  /** Anonymous receipts (who voted) with their voter token, in key order; the keys newly inserted. */
  async insertReceipts(
    m: EntityManager,
    rows: readonly (BallotKey & { voter_token: string; channel: BallotChannel; cast_by: string | null })[],
  ): Promise<BallotKey[]> {
    return returningRows<BallotKey>(
      await m.query(
        `INSERT INTO ballot_receipt (question_id, participant_id, voter_token, channel, cast_by)
           SELECT r.question_id, r.participant_id, r.voter_token, r.channel, r.cast_by FROM jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid, voter_token text, channel text, cast_by uuid)
            ORDER BY r.question_id, r.participant_id
           ON CONFLICT DO NOTHING RETURNING question_id, participant_id`,
        [JSON.stringify(rows)],
      ),
    );
  },

  /** The receipts stored under these keys, with their voter token and channel. */
  receiptsOf(m: EntityManager, keys: readonly BallotKey[]): Promise<(BallotKey & { voter_token: string | null; channel: BallotChannel })[]> {
    return m.query(
      `SELECT b.question_id, b.participant_id, b.voter_token, b.channel FROM ballot_receipt b
             JOIN jsonb_to_recordset($1::jsonb) AS r(question_id uuid, participant_id uuid) ON b.question_id = r.question_id AND b.participant_id = r.participant_id`,
      [JSON.stringify(keys)],
    );
  },

  /** These members' receipts on a question, FOR UPDATE. */
  lockReceipts(m: EntityManager, questionId: string, participantIds: readonly string[]): Promise<{ participant_id: string; channel: BallotChannel }[]> {
    return m.query('SELECT participant_id, channel FROM ballot_receipt WHERE question_id = $1 AND participant_id = ANY($2::uuid[]) FOR UPDATE', [questionId, participantIds]);
  },

  /** Paper receipts (no voter token) for these members, in id order; existing receipts stay. */
  async insertPaperReceipts(m: EntityManager, questionId: string, voterIds: readonly string[], castBy: string): Promise<void> {
    await m.query(
      `INSERT INTO ballot_receipt (question_id, participant_id, voter_token, channel, cast_by)
       SELECT $1, v, NULL, 'paper', $3 FROM unnest($2::uuid[]) AS v ORDER BY v ON CONFLICT DO NOTHING`,
      [questionId, voterIds, castBy],
    );
  },

  /** Every stored ballot value of a question (`anonymous_ballot` or `ballot`). */
  values(m: EntityManager, questionId: string, anonymity: SurveyAnonymity): Promise<{ value: BallotValue }[]> {
    const table = anonymity === 'anonymous' ? 'anonymous_ballot' : 'ballot';
    return m.query(`SELECT value FROM ${table} WHERE question_id = $1`, [questionId]);
  },

  /** A question's confirmed paper totals, in entry order. */
  confirmedTotals(m: EntityManager, questionId: string): Promise<{ totals: PaperTotals }[]> {
    return m.query("SELECT totals FROM paper_entry WHERE question_id = $1 AND kind = 'totals' AND confirmed_by IS NOT NULL ORDER BY id", [questionId]);
  },

  /** A named question's ballots with their channel. */
  namedBallots(m: EntityManager, questionId: string): Promise<{ value: BallotValue; channel: BallotChannel }[]> {
    return m.query('SELECT value, channel FROM ballot WHERE question_id = $1', [questionId]);
  },

  /** The channels of an anonymous question's receipts, paper ones left out. */
  receiptChannels(m: EntityManager, questionId: string): Promise<{ channel: BallotChannel }[]> {
    return m.query("SELECT channel FROM ballot_receipt WHERE question_id = $1 AND channel <> 'paper'", [questionId]);
  },

  /** A named question's ballots with their voter's roster profile. */
  profiled(m: EntityManager, questionId: string): Promise<{ value: BallotValue; territory_type: string | null; category: string | null; gender: string | null }[]> {
    return m.query(
      `SELECT b.value, mb.territory_type, mb.category, mb.gender
         FROM ballot b JOIN participant p ON p.id = b.participant_id LEFT JOIN member mb ON mb.id = p.member_id
        WHERE b.question_id = $1`,
      [questionId],
    );
  },

  /** One participant's named ballots on these questions. */
  mine(m: EntityManager, participantId: string, questionIds: readonly string[]): Promise<{ question_id: string; value: BallotValue }[]> {
    return m.query('SELECT question_id, value FROM ballot WHERE participant_id = $1 AND question_id = ANY($2::uuid[])', [participantId, questionIds]);
  },

  // The mixer (BallotMixer): anonymous ballots, never a participant.

  /** A question's state, FOR SHARE: a close waits for the mixing batch, or the batch sees it closed. */
  shareQuestionState(m: EntityManager, questionId: string): Promise<{ state: string }[]> {
    return m.query('SELECT state FROM survey_question WHERE id = $1 FOR SHARE', [questionId]);
  },

  /** Delete the anonymous ballots these commitments replace; the commitments deleted. */
  deleteCommitments(m: EntityManager, questionId: string, commitments: readonly string[]): Promise<{ commitment: string }[]> {
    return m.query(
      'DELETE FROM anonymous_ballot WHERE question_id = $1 AND commitment = ANY($2::text[]) RETURNING commitment',
      [questionId, commitments],
    ).then(returningRows<{ commitment: string; value: BallotValue }>);
  },

  /** Delete up to `count` random other ballots of the question (the padding of a mixing batch), skipping locked rows. */
  deletePadding(m: EntityManager, questionId: string, commitments: readonly string[], count: number): Promise<{ commitment: string; value: BallotValue }[]> {
    return m.query(
      `DELETE FROM anonymous_ballot WHERE id IN (
               SELECT id FROM anonymous_ballot WHERE question_id = $1 AND commitment <> ALL($2::text[]) ORDER BY random() LIMIT $3 FOR UPDATE SKIP LOCKED)
             RETURNING commitment, value`,
      [questionId, commitments, count],
    ).then(returningRows<{ commitment: string; value: BallotValue }>);
  },

  /** Delete every anonymous ballot of a question, returning them. */
  deleteAllAnonymous(m: EntityManager, questionId: string): Promise<{ commitment: string; value: BallotValue }[]> {
    return m
      .query('DELETE FROM anonymous_ballot WHERE question_id = $1 RETURNING commitment, value', [questionId])
      .then(returningRows<{ commitment: string; value: BallotValue }>);
  },

  /** Insert anonymous ballots in the given order (fresh ids). */
  async insertAnonymous(m: EntityManager, questionId: string, rows: readonly { commitment: string; value: BallotValue }[]): Promise<void> {
    await m.query(
      `INSERT INTO anonymous_ballot (question_id, commitment, value)
       SELECT $1, r.commitment, r.value FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (commitment text, value jsonb)) WITH ORDINALITY AS r(commitment, value, n) ORDER BY r.n`,
      [questionId, JSON.stringify(rows)],
    );
  },

  // Roll calls and who voted (RollCallService).

  /** Start a question's roll call; the row when it was not started yet. */
  startRollCall(m: EntityManager, questionId: string, sessionId: string, startedBy: string): Promise<{ question_id: string }[]> {
    return m.query(
      'INSERT INTO roll_call (question_id, session_id, started_by) VALUES ($1, $2, $3) ON CONFLICT (question_id) DO NOTHING RETURNING question_id',
      [questionId, sessionId, startedBy],
    );
  },

  /** Add a member to the passed ones of a roll call; the row when it changed. */
  async passRollCall(m: EntityManager, questionId: string, memberId: string): Promise<{ question_id: string }[]> {
    return returningRows<{ question_id: string }>(
      await m.query('UPDATE roll_call SET passed = array_append(passed, $2::uuid) WHERE question_id = $1 AND NOT ($2::uuid = ANY(passed)) RETURNING question_id', [questionId, memberId]),
    );
  },

  /** The members passed on a question's roll call; empty when none was started. */
  rollCall(m: EntityManager, questionId: string): Promise<{ passed: string[] }[]> {
    return m.query('SELECT passed FROM roll_call WHERE question_id = $1', [questionId]);
  },

  /** How each member voted on a named question. */
  namedVoters(m: EntityManager, questionId: string): Promise<{ participant_id: string; channel: BallotChannel }[]> {
    return m.query('SELECT participant_id, channel FROM ballot WHERE question_id = $1', [questionId]);
  },

  /** The members who voted on paper on an anonymous question (their receipts). */
  paperVoters(m: EntityManager, questionId: string): Promise<{ participant_id: string }[]> {
    return m.query("SELECT participant_id FROM ballot_receipt WHERE question_id = $1 AND channel = 'paper'", [questionId]);
  },
};
