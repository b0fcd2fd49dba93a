import type { EntityManager } from 'typeorm';
import type { QnaConfig, QnaQuestionStatus } from '@palabre/contracts';
import { returningRows } from '../../database/returning';
import { Activity } from '../sessions/activity.entity';
import type { QuestionRow } from './qna.views';

/** A question row joined with its author's display name (the shape of `QuestionRow`). */
const QUESTION_SELECT = `SELECT q.id, q.session_id, q.activity_id, q.author_id, q.anonymous, q.text, q.status, q.merged_into, q.votes, q.created_at,
  p.display_name AS author_name FROM qna_question q JOIN participant p ON p.id = q.author_id`;

/** What `qna.votes.updated` needs of a question: its count, status and audience. */
export interface VoteAudienceRow {
  session_id: string;
  activity_id: string;
  group_id: string | null;
  state: string;
  status: QnaQuestionStatus;
  votes: number;
  version: number;
}

/** A Q&A of the outcomes. */
export interface OutcomeQnaRow {
  id: string;
  title: string;
}

/** A question of the outcomes, its upvotes counted from the vote rows. */
export interface OutcomeQuestionRow {
  id: string;
  activity_id: string;
  text: string;
  status: string;
  votes: number;
  author: string | null;
}

/** The Q&A module's SQL and TypeORM queries: questions, upvotes, the Q&A activity's row (issue #20). */
export const qnaRepository = {
  // Questions

  /** The question (of this session when given), row-locked with `lock`; undefined if there is none. */
  async question(m: EntityManager, id: string, lock = false, sessionId?: string): Promise<QuestionRow | undefined> {
    const rows: QuestionRow[] = await m.query(
      `${QUESTION_SELECT} WHERE q.id = $1${sessionId ? ' AND q.session_id = $2' : ''}${lock ? ' FOR UPDATE OF q' : ''}`,
      sessionId ? [id, sessionId] : [id],
    );
    return rows[0];
  },

  /** The Q&A's questions being answered (at most one: a unique index guards it). */
  answeringQuestions(m: EntityManager, activityId: string): Promise<QuestionRow[]> {
    return m.query(`${QUESTION_SELECT} WHERE q.activity_id = $1 AND q.status = 'answering'`, [activityId]);
  },

  /** Every question of the session with its Q&A's group, oldest first. */
  sessionQuestions(m: EntityManager, sessionId: string): Promise<(QuestionRow & { group_id: string | null })[]> {
    return m.query(`${QUESTION_SELECT} JOIN activity a ON a.id = q.activity_id WHERE q.session_id = $1 ORDER BY q.created_at`, [sessionId]);
  },

  /** Inserts a question; its id. */
  async insertQuestion(
    m: EntityManager,
    question: { sessionId: string; activityId: string; authorId: string; anonymous: boolean; text: string; status: QnaQuestionStatus },
  ): Promise<string> {
    const inserted: { id: string }[] = await m.query(
      'INSERT INTO qna_question (session_id, activity_id, author_id, anonymous, text, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [question.sessionId, question.activityId, question.authorId, question.anonymous, question.text, question.status],
    );
    return inserted[0].id;
  },

  async setStatus(m: EntityManager, questionId: string, status: QnaQuestionStatus): Promise<void> {
    await m.query('UPDATE qna_question SET status = $2, updated_at = now() WHERE id = $1', [questionId, status]);
  },

  /** Supporters of the duplicate support the kept question, each once; its count is recomputed; the duplicate is merged. */
  async mergeQuestion(m: EntityManager, sourceId: string, targetId: string): Promise<void> {
    await m.query(
      'INSERT INTO qna_vote (question_id, participant_id) SELECT $1, participant_id FROM qna_vote WHERE question_id = $2 ON CONFLICT DO NOTHING',
      [targetId, sourceId],
    );
    await m.query('UPDATE qna_question SET votes = (SELECT count(*) FROM qna_vote WHERE question_id = $1), updated_at = now() WHERE id = $1', [targetId]);
    await m.query(`UPDATE qna_question SET status = 'merged', merged_into = $2, updated_at = now() WHERE id = $1`, [sourceId, targetId]);
  },

  /** Every question of the Q&A and their upvotes. */
  async deleteQuestionsOf(m: EntityManager, activityId: string): Promise<void> {
    await m.query('DELETE FROM qna_vote WHERE question_id IN (SELECT id FROM qna_question WHERE activity_id = $1)', [activityId]);
    await m.query('DELETE FROM qna_question WHERE activity_id = $1', [activityId]);
  },

  // Upvotes

  /** One upvote; false if the participant had already upvoted (the primary key decides, even across nodes). */
  async insertVote(m: EntityManager, questionId: string, participantId: string): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      'INSERT INTO qna_vote (question_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING question_id',
      [questionId, participantId],
    );
    return inserted.length > 0;
  },

  /** Takes the upvote back; false if there was none. */
  async deleteVote(m: EntityManager, questionId: string, participantId: string): Promise<boolean> {
    const deleted = returningRows<unknown>(
      await m.query('DELETE FROM qna_vote WHERE question_id = $1 AND participant_id = $2 RETURNING question_id', [questionId, participantId]),
    );
    return deleted.length > 0;
  },

  /** Moves the question's cached counter; the new count. */
  async addVotes(m: EntityManager, questionId: string, delta: 1 | -1): Promise<number> {
    const rows = returningRows<{ votes: number }>(
      await m.query('UPDATE qna_question SET votes = votes + $2 WHERE id = $1 RETURNING votes', [questionId, delta]),
    );
    return Number(rows[0].votes);
  },

  /** The questions of the session this participant upvoted. */
  async votedQuestionIds(m: EntityManager, sessionId: string, participantId: string): Promise<string[]> {
    const votes: { question_id: string }[] = await m.query(
      'SELECT v.question_id FROM qna_vote v JOIN qna_question q ON q.id = v.question_id WHERE q.session_id = $1 AND v.participant_id = $2',
      [sessionId, participantId],
    );
    return votes.map((vote) => vote.question_id);
  },

  /** The question's stored count and who hears of it, read after the commit. */
  async voteAudience(m: EntityManager, questionId: string): Promise<VoteAudienceRow | undefined> {
    const rows: VoteAudienceRow[] = await m.query(
      `SELECT q.session_id, q.activity_id, a.group_id, a.state, q.status, q.votes, s.version
         FROM qna_question q JOIN session s ON s.id = q.session_id JOIN activity a ON a.id = q.activity_id WHERE q.id = $1`,
      [questionId],
    );
    return rows[0];
  },

  // The Q&A activity

  findActivity(m: EntityManager, activityId: string): Promise<Activity> {
    return m.getRepository(Activity).findOneByOrFail({ id: activityId });
  },

  /** Locks the Q&A's activity row: its moderation and settings changes are serialised. */
  async lockActivity(m: EntityManager, activityId: string): Promise<void> {
    await m.query('SELECT 1 FROM activity WHERE id = $1 FOR UPDATE', [activityId]);
  },

  /** The activity's state, its row share-locked: a close (FOR UPDATE) waits for the contributions in flight. */
  async shareActivityState(m: EntityManager, activityId: string): Promise<string | undefined> {
    const rows: { state: string }[] = await m.query('SELECT state FROM activity WHERE id = $1 FOR SHARE', [activityId]);
    return rows[0]?.state;
  },

  /** The activity's stored config (undefined for an unknown activity). */
  async activityConfig(m: EntityManager, activityId: string): Promise<unknown> {
    const locked: { config: unknown }[] = await m.query('SELECT config FROM activity WHERE id = $1', [activityId]);
    return locked[0]?.config;
  },

  async setActivityConfig(m: EntityManager, activityId: string, config: QnaConfig): Promise<void> {
    await m.query('UPDATE activity SET config = $2 WHERE id = $1', [activityId, JSON.stringify(config)]);
  },

  async openActivity(m: EntityManager, activityId: string): Promise<void> {
    await m.getRepository(Activity).update(activityId, { state: 'open' });
  },

  /** The demo's raw state switches (no lifecycle, no event): questions need an open Q&A. */
  async openForDemo(m: EntityManager, activityId: string): Promise<void> {
    await m.query(`UPDATE activity SET state = 'open' WHERE id = $1`, [activityId]);
  },

  async draftForDemo(m: EntityManager, activityId: string): Promise<void> {
    await m.query(`UPDATE activity SET state = 'draft' WHERE id = $1`, [activityId]);
  },

  // Outcomes

  /** The session's Q&As in agenda order. */
  outcomeQnas(m: EntityManager, sessionId: string): Promise<OutcomeQnaRow[]> {
    return m.query(`SELECT id, title FROM activity WHERE session_id = $1 AND kind = 'qna' ORDER BY position, id`, [sessionId]);
  },

  /** The questions the floor saw in these Q&As, with their upvotes and author (null when anonymous). */
  outcomeQuestions(m: EntityManager, activityIds: string[]): Promise<OutcomeQuestionRow[]> {
    return m.query(
      // Upvotes are counted from the vote rows, not the cached counter: the seal then covers
      // the rows themselves, and a vote row deleted afterwards is seen by verification.
      `SELECT q.id, q.activity_id, q.text, q.status,
              (SELECT count(*)::int FROM qna_vote v WHERE v.question_id = q.id) AS votes,
              CASE WHEN q.anonymous THEN NULL ELSE p.display_name END AS author
         FROM qna_question q JOIN participant p ON p.id = q.author_id
        WHERE q.activity_id = ANY($1::uuid[]) AND q.status IN ('visible', 'answering', 'answered')`,
      [activityIds],
    );
  },
};
