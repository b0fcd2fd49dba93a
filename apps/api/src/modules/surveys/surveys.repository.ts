import type { BallotChannel, BallotValue, PaperTotals, QuestionConfig, QuestionDraft, SurveyAnonymity } from '@palabre/contracts';
import { In, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { Activity } from '../sessions/activity.entity';
import { Survey, SurveyQuestion, SurveyTemplate } from './survey.entities';

/** The rows of the survey sections of the outcomes (SurveyOutcomes). */
export interface OutcomeRows {
  surveys: { id: string; title: string; anonymity: SurveyAnonymity }[];
  questions: { id: string; activity_id: string; prompt: string; config: QuestionConfig; present_at_close: number | null }[];
  named: { question_id: string; display_name: string; value: BallotValue; channel: BallotChannel; cast_by_name: string | null }[];
  anonymous: { question_id: string; commitment: string; value: BallotValue }[];
  paper: { id: string; question_id: string; kind: string; member_name: string | null; value: BallotValue | null; totals: PaperTotals | null; voters: number; entered: string; confirmed: string }[];
  receipts: { question_id: string; channel: BallotChannel }[];
}

/** Surveys, their questions and templates, and the activity rows the survey use cases read and write. */
export const surveysRepository = {
  async survey(manager: EntityManager, activityId: string, lock = false): Promise<Survey> {
    const survey = await manager.getRepository(Survey).findOne({ where: { activityId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!survey) throw new AppError('NOT_FOUND');
    return survey;
  },

  questions(manager: EntityManager, activityId: string): Promise<SurveyQuestion[]> {
    return manager.getRepository(SurveyQuestion).find({ where: { activityId }, order: { position: 'ASC' } });
  },

  /**
   * The questions of a session whose turnout counts who is connected now: voting has started
   * and not closed (a close freezes `presentAtClose`; drafts have no turnout). One indexed
   * query per presence broadcast.
   */
  async presenceDependent(manager: EntityManager, sessionId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT q.id FROM survey_question q JOIN activity a ON a.id = q.activity_id
       WHERE a.session_id = $1 AND q.state <> 'draft' AND q.present_at_close IS NULL`,
      [sessionId],
    );
    return rows.map((r) => r.id);
  },

  /**
   * The question row, locked: `share` for a ballot (many at once, all blocking a close),
   * `update` for a state change (waits until ballots in flight have committed).
   */
  async question(manager: EntityManager, questionId: string, lock: 'share' | 'update' | 'none' = 'none'): Promise<SurveyQuestion> {
    const mode = lock === 'share' ? 'pessimistic_read' : 'pessimistic_write';
    const question = await manager.getRepository(SurveyQuestion).findOne({ where: { id: questionId }, ...(lock === 'none' ? {} : { lock: { mode } }) });
    if (!question) throw new AppError('NOT_FOUND');
    return question;
  },

  /** The surveys of these activities. */
  surveysOf(manager: EntityManager, activityIds: string[]): Promise<Survey[]> {
    return manager.getRepository(Survey).findBy({ activityId: In(activityIds) });
  },

  /** The questions of these activities, in position order. */
  questionsOf(manager: EntityManager, activityIds: string[]): Promise<SurveyQuestion[]> {
    return manager.getRepository(SurveyQuestion).find({ where: { activityId: In(activityIds) }, order: { position: 'ASC' } });
  },

  async insertSurvey(manager: EntityManager, survey: Pick<Survey, 'activityId' | 'anonymity' | 'resultsVisibility' | 'shuffle'>): Promise<void> {
    await manager.getRepository(Survey).insert(survey);
  },

  async updateSurvey(manager: EntityManager, activityId: string, patch: Partial<Survey>): Promise<void> {
    await manager.getRepository(Survey).update(activityId, patch);
  },

  /** A survey and its questions (a draft activity: no ballot exists yet). */
  async deleteSurvey(manager: EntityManager, activityId: string): Promise<void> {
    await manager.getRepository(SurveyQuestion).delete({ activityId });
    await manager.getRepository(Survey).delete({ activityId });
  },

  async insertQuestion(manager: EntityManager, question: Partial<SurveyQuestion>): Promise<void> {
    await manager.getRepository(SurveyQuestion).insert(question);
  },

  /** A new question, saved (its id and defaults filled in). */
  saveQuestion(manager: EntityManager, question: Partial<SurveyQuestion>): Promise<SurveyQuestion> {
    const repo = manager.getRepository(SurveyQuestion);
    return repo.save(repo.create(question));
  },

  async updateQuestion(manager: EntityManager, questionId: string, patch: Partial<SurveyQuestion>): Promise<void> {
    await manager.getRepository(SurveyQuestion).update(questionId, patch);
  },

  async deleteQuestion(manager: EntityManager, questionId: string): Promise<void> {
    await manager.getRepository(SurveyQuestion).delete(questionId);
  },

  /** The staff account behind a participant (null for members and screens). */
  async accountOf(manager: EntityManager, participantId: string): Promise<string | null | undefined> {
    const rows: { account_id: string | null }[] = await manager.query('SELECT account_id FROM participant WHERE id = $1', [participantId]);
    return rows[0]?.account_id;
  },

  saveTemplate(manager: EntityManager, template: { accountId: string; name: string; settings: SurveyTemplate['settings']; questions: QuestionDraft[] }): Promise<SurveyTemplate> {
    const repo = manager.getRepository(SurveyTemplate);
    return repo.save(repo.create(template));
  },

  /** An account's templates, newest first (200 at most). */
  templates(manager: EntityManager, accountId: string): Promise<SurveyTemplate[]> {
    return manager.getRepository(SurveyTemplate).find({ where: { accountId }, order: { createdAt: 'DESC' }, take: 200 });
  },

  activity(manager: EntityManager, activityId: string): Promise<Activity> {
    return manager.getRepository(Activity).findOneByOrFail({ id: activityId });
  },

  /** A survey activity of the session: its title and group. */
  async surveyActivity(manager: EntityManager, activityId: string, sessionId: string): Promise<{ title: string; group_id: string | null } | undefined> {
    const rows: { title: string; group_id: string | null }[] = await manager.query('SELECT title, group_id FROM activity WHERE id = $1 AND session_id = $2 AND kind = $3', [activityId, sessionId, 'survey']);
    return rows[0];
  },

  async updateActivityState(manager: EntityManager, activityId: string, state: Activity['state']): Promise<void> {
    await manager.getRepository(Activity).update(activityId, { state });
  },

  async sessionVersion(manager: EntityManager, sessionId: string): Promise<number | undefined> {
    const rows: { version: number }[] = await manager.query('SELECT version FROM session WHERE id = $1', [sessionId]);
    return rows[0]?.version;
  },

  /** The first two roster members of a session (verified), in name order: the demo's proxy giver and holder. */
  firstTwoRosterMembers(manager: EntityManager, sessionId: string): Promise<{ id: string }[]> {
    return manager.query(
      "SELECT id FROM participant WHERE session_id = $1 AND role = 'member' AND member_id IS NOT NULL ORDER BY display_name, id LIMIT 2",
      [sessionId],
    );
  },

  /** Everything the survey sections of the outcomes read, in six queries; empty when the session has no survey. */
  async outcomeRows(manager: EntityManager, sessionId: string): Promise<OutcomeRows | null> {
    const surveys: OutcomeRows['surveys'] = await manager.query(
      `SELECT a.id, a.title, s.anonymity FROM activity a JOIN survey s ON s.activity_id = a.id
        WHERE a.session_id = $1 ORDER BY a.position, a.id`,
      [sessionId],
    );
    if (surveys.length === 0) return null;
    const ids = surveys.map((s) => s.id);
    // Drafts were never put to the vote: they have no results to report.
    const questions: OutcomeRows['questions'] = await manager.query(
      `SELECT id, activity_id, prompt, config, present_at_close FROM survey_question
        WHERE activity_id = ANY($1::uuid[]) AND state <> 'draft' ORDER BY position, id`,
      [ids],
    );
    const qids = questions.map((q) => q.id);
    const named: OutcomeRows['named'] = await manager.query(
      `SELECT b.question_id, p.display_name, b.value, b.channel, c.display_name AS cast_by_name FROM ballot b JOIN participant p ON p.id = b.participant_id
         LEFT JOIN participant c ON c.id = b.cast_by
        WHERE b.question_id = ANY($1::uuid[]) ORDER BY p.display_name, p.id`,
      [qids],
    );
    const anonymous: OutcomeRows['anonymous'] = await manager.query('SELECT question_id, commitment, value FROM anonymous_ballot WHERE question_id = ANY($1::uuid[])', [qids]);
    // Paper entries counted (confirmed), with who entered and who confirmed them: in the sealed record, so a tampered entry breaks the seal.
    const paper: OutcomeRows['paper'] = await manager.query(
      `SELECT e.id, e.question_id, e.kind, m.display_name AS member_name, e.value, e.totals, cardinality(e.voter_ids) AS voters, t.display_name AS entered, c.display_name AS confirmed
         FROM paper_entry e LEFT JOIN participant m ON m.id = e.member_id JOIN participant t ON t.id = e.entered_by JOIN participant c ON c.id = e.confirmed_by
        WHERE e.question_id = ANY($1::uuid[]) AND e.confirmed_by IS NOT NULL ORDER BY e.created_at, e.id`,
      [qids],
    );
    const receipts: OutcomeRows['receipts'] = await manager.query("SELECT question_id, channel FROM ballot_receipt WHERE question_id = ANY($1::uuid[]) AND channel IN ('proxy', 'assisted')", [qids]);
    return { surveys, questions, named, anonymous, paper, receipts };
  },
};
