import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { AmendmentFate, AmendmentStatus, TextLineView, VoteCounts } from '@palabre/contracts';
import { AppError } from '../../common/errors/app-error';
import { Activity } from '../sessions/activity.entity';
import { Amendment, AmendmentCosign, AmendmentText } from './amendments.entities';

/** Everything about one text, as stored. */
export interface TextState {
  text: AmendmentText;
  activity: { id: string; sessionId: string; groupId: string | null; state: string; title: string };
  amendments: Amendment[];
  cosigns: AmendmentCosign[];
  /** State of each vote question (amendments and final), by question id. */
  questions: Map<string, string>;
  /** The companion survey's anonymity (how the votes are cast). */
  anonymity: 'named' | 'anonymous';
}

type Anonymity = 'named' | 'anonymous';

/** What a new amendment is filed with (the rest is its initial state: filed, undecided, unvoted). */
export type NewAmendment = Pick<Amendment, 'sessionId' | 'activityId' | 'number' | 'parentId' | 'kind' | 'lineFrom' | 'lineTo' | 'wording' | 'reason' | 'authorId' | 'authorName' | 'groupName'>;

/** The amendments module's SQL and TypeORM queries (its one place for them). */
export const amendmentsRepository = {
  /** The text, its activity, amendments, co-signatures and vote questions; `lock` takes the activity row FOR UPDATE. */
  async state(m: EntityManager, activityId: string, lock = false): Promise<TextState> {
    const rows: { id: string; session_id: string; group_id: string | null; state: string; title: string }[] = await m.query(
      `SELECT id, session_id, group_id, state, title FROM activity WHERE id = $1 AND kind = 'amendments'${lock ? ' FOR UPDATE' : ''}`,
      [activityId],
    );
    const row = rows[0];
    const text = row ? await m.getRepository(AmendmentText).findOneBy({ activityId }) : null;
    if (!row || !text) throw new AppError('NOT_FOUND');
    const amendments = await m.getRepository(Amendment).find({ where: { activityId }, order: { number: 'ASC' } });
    const cosigns = amendments.length === 0 ? [] : await m.getRepository(AmendmentCosign).find({ where: { amendmentId: In(amendments.map((x) => x.id)) }, order: { createdAt: 'ASC', participantId: 'ASC' } });
    const questionIds = [...amendments.map((x) => x.questionId), text.finalQuestionId].filter((q): q is string => q !== null);
    const questions: { id: string; state: string }[] = questionIds.length === 0 ? [] : await m.query('SELECT id, state FROM survey_question WHERE id = ANY($1::uuid[])', [questionIds]);
    const survey: { anonymity: Anonymity }[] = await m.query('SELECT anonymity FROM survey WHERE activity_id = $1', [text.surveyActivityId]);
    return {
      anonymity: survey[0]?.anonymity ?? 'named',
      text,
      activity: { id: row.id, sessionId: row.session_id, groupId: row.group_id, state: row.state, title: row.title },
      amendments,
      cosigns,
      questions: new Map(questions.map((q) => [q.id, q.state])),
    };
  },

  /** Texts of a session, in agenda order. */
  async textIds(m: EntityManager, sessionId: string): Promise<{ id: string; group_id: string | null; state: string }[]> {
    return m.query(`SELECT id, group_id, state FROM activity WHERE session_id = $1 AND kind = 'amendments' ORDER BY position, id`, [sessionId]);
  },

  async amendment(m: EntityManager, sessionId: string, id: string): Promise<Amendment> {
    const found = await m.getRepository(Amendment).findOneBy({ id, sessionId });
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  },

  async insertText(m: EntityManager, text: AmendmentText): Promise<void> {
    await m.getRepository(AmendmentText).insert(text);
  },

  async setLines(m: EntityManager, activityId: string, lines: TextLineView[]): Promise<void> {
    await m.getRepository(AmendmentText).update(activityId, { lines });
  },

  async setDeadline(m: EntityManager, activityId: string, deadline: Date | null): Promise<void> {
    await m.getRepository(AmendmentText).update(activityId, { deadline });
  },

  async setFinalQuestion(m: EntityManager, activityId: string, finalQuestionId: string): Promise<void> {
    await m.getRepository(AmendmentText).update(activityId, { finalQuestionId });
  },

  async setFinalVotes(m: EntityManager, activityId: string, finalVotes: VoteCounts): Promise<void> {
    await m.getRepository(AmendmentText).update(activityId, { finalVotes });
  },

  /** The text's votes move to a fresh companion survey (the previous one is full). */
  async setSurvey(m: EntityManager, activityId: string, surveyActivityId: string): Promise<void> {
    await m.getRepository(AmendmentText).update(activityId, { surveyActivityId });
  },

  /** Files an amendment: saved filed, undecided and not put to the vote. */
  async insertAmendment(m: EntityManager, amendment: NewAmendment): Promise<Amendment> {
    const repo = m.getRepository(Amendment);
    return repo.save(repo.create({ ...amendment, status: 'filed', moderationReason: null, fate: null, pinned: null, questionId: null, votes: null }));
  },

  async setStatus(m: EntityManager, id: string, status: AmendmentStatus, moderationReason: string | null): Promise<void> {
    await m.getRepository(Amendment).update(id, { status, moderationReason });
  },

  /** Withdrawn: the amendment leaves its voting block. */
  async withdraw(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(Amendment).update(id, { status: 'withdrawn', pinned: null });
  },

  /** The admissible, undecided sub-amendments of a withdrawn amendment fall. */
  async fellSubAmendments(m: EntityManager, parentId: string): Promise<void> {
    await m.query(`UPDATE amendment SET fate = 'fallen' WHERE parent_id = $1 AND fate IS NULL AND status = 'admissible'`, [parentId]);
  },

  async setPinned(m: EntityManager, id: string, pinned: number | null): Promise<void> {
    await m.getRepository(Amendment).update(id, { pinned });
  },

  async setQuestion(m: EntityManager, id: string, questionId: string): Promise<void> {
    await m.getRepository(Amendment).update(id, { questionId });
  },

  async setFate(m: EntityManager, id: string, fate: AmendmentFate, votes: VoteCounts): Promise<void> {
    await m.getRepository(Amendment).update(id, { fate, votes });
  },

  async markFallen(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(`UPDATE amendment SET fate = 'fallen' WHERE id = ANY($1::uuid[])`, [ids]);
  },

  async addCosign(m: EntityManager, amendmentId: string, participantId: string, name: string): Promise<void> {
    await m.getRepository(AmendmentCosign).createQueryBuilder().insert().values({ amendmentId, participantId, name }).orIgnore().execute();
  },

  async removeCosign(m: EntityManager, amendmentId: string, participantId: string): Promise<void> {
    await m.getRepository(AmendmentCosign).delete({ amendmentId, participantId });
  },

  /** A draft's text and amendments (its companion survey stays). */
  async deleteText(m: EntityManager, activityId: string): Promise<void> {
    await m.query('DELETE FROM amendment_cosign WHERE amendment_id IN (SELECT id FROM amendment WHERE activity_id = $1)', [activityId]);
    await m.query('DELETE FROM amendment WHERE activity_id = $1', [activityId]);
    await m.query('DELETE FROM amendment_text WHERE activity_id = $1', [activityId]);
  },

  /** The name a participant files and co-signs with: their member record's, else their display name. */
  async participantName(m: EntityManager, participantId: string): Promise<string | null> {
    const rows: { name: string }[] = await m.query('SELECT coalesce(mb.name, p.display_name) AS name FROM participant p LEFT JOIN member mb ON mb.id = p.member_id WHERE p.id = $1', [participantId]);
    return rows[0]?.name ?? null;
  },

  async sessionVersion(m: EntityManager, sessionId: string): Promise<number> {
    const rows: { version: number }[] = await m.query('SELECT version FROM session WHERE id = $1', [sessionId]);
    return rows[0]?.version ?? 0;
  },

  /** The survey a vote question belongs to (null if it is gone). */
  async questionSurvey(m: EntityManager, questionId: string): Promise<string | null> {
    const rows: { activity_id: string }[] = await m.query('SELECT activity_id FROM survey_question WHERE id = $1', [questionId]);
    return rows[0]?.activity_id ?? null;
  },

  async surveyAnonymity(m: EntityManager, surveyActivityId: string): Promise<Anonymity | null> {
    const rows: { anonymity: Anonymity }[] = await m.query('SELECT anonymity FROM survey WHERE activity_id = $1', [surveyActivityId]);
    return rows[0]?.anonymity ?? null;
  },

  async questionCount(m: EntityManager, surveyActivityId: string): Promise<number> {
    const rows: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM survey_question WHERE activity_id = $1', [surveyActivityId]);
    return rows[0]?.n ?? 0;
  },

  async activity(m: EntityManager, id: string): Promise<Activity | null> {
    return m.getRepository(Activity).findOneBy({ id });
  },

  async setActivityState(m: EntityManager, id: string, state: 'open' | 'closed'): Promise<void> {
    await m.getRepository(Activity).update(id, { state });
  },
};
