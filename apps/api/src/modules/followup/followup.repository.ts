import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { StaffAccount } from '../auth/staff-account.entity';
import { Idea, IdeaSupport } from '../boards/board.entities';
import { ArchiveRecord } from '../outcomes/archive-record.entity';
import { Assembly } from '../sessions/assembly.entities';
import { Participant } from '../sessions/participant.entities';
import { Session } from '../sessions/session.entity';
import { SurveyQuestion } from '../surveys/survey.entities';
import { FollowUpSubscription, Recommendation, RecommendationProgress } from './recommendation.entities';

/** Which recommendations to read (all given conditions hold). */
export interface RecommendationFilter {
  sessionId?: string;
  assemblyId?: string;
  assigneeId?: string;
  published?: boolean;
}

/** A new recommendation: the rest (answer, status, progress) starts at the table's defaults. */
export type NewRecommendation = Pick<
  Recommendation,
  'assemblyId' | 'sessionId' | 'archiveDigest' | 'itemKind' | 'activityId' | 'itemId' | 'evidence' | 'title' | 'body' | 'theme' | 'territories' | 'deadline' | 'assigneeId' | 'createdBy'
>;

/** The follow-up module's SQL and TypeORM queries (its one place for them). */
export const followUpRepository = {
  async recommendation(m: EntityManager, id: string): Promise<Recommendation | null> {
    return m.getRepository(Recommendation).findOneBy({ id });
  },

  /** The recommendation with its row locked FOR UPDATE: its audit chain and fields change one writer at a time. */
  async lockRecommendation(m: EntityManager, id: string): Promise<Recommendation | null> {
    return m.getRepository(Recommendation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  },

  /** Recommendations in the order they were made. */
  async recommendations(m: EntityManager, filter: RecommendationFilter): Promise<Recommendation[]> {
    return m.getRepository(Recommendation).find({ where: filter, order: { createdAt: 'ASC', id: 'ASC' } });
  },

  async insertRecommendation(m: EntityManager, recommendation: NewRecommendation): Promise<Recommendation> {
    const repo = m.getRepository(Recommendation);
    return repo.save(repo.create(recommendation));
  },

  async saveRecommendation(m: EntityManager, recommendation: Recommendation): Promise<void> {
    await m.getRepository(Recommendation).save(recommendation);
  },

  async insertProgress(m: EntityManager, entry: Pick<RecommendationProgress, 'recommendationId' | 'date' | 'status' | 'percent' | 'note' | 'authorId'>): Promise<void> {
    await m.getRepository(RecommendationProgress).insert(entry);
  },

  /** The progress entries of these recommendations, oldest first. */
  async progressOf(m: EntityManager, recommendationIds: string[]): Promise<RecommendationProgress[]> {
    return m.getRepository(RecommendationProgress).find({ where: { recommendationId: In(recommendationIds) }, order: { date: 'ASC', createdAt: 'ASC' } });
  },

  /** The audit events of these recommendations (each has its own chain, keyed by its id), in chain order. */
  async historyOf(m: EntityManager, recommendationIds: string[]): Promise<AuditEvent[]> {
    return m.getRepository(AuditEvent).find({ where: { sessionId: In(recommendationIds) }, order: { seq: 'ASC' } });
  },

  /** The sealed archive of a session, or null. */
  async archive(m: EntityManager, sessionId: string): Promise<ArchiveRecord | null> {
    return m.getRepository(ArchiveRecord).findOneBy({ sessionId });
  },

  /** Which of these sessions have a public results page. */
  async publicArchiveSessions(m: EntityManager, sessionIds: string[]): Promise<Set<string>> {
    const rows = await m.getRepository(ArchiveRecord).find({ where: { sessionId: In(sessionIds), public: true }, select: { sessionId: true } });
    return new Set(rows.map((row) => row.sessionId));
  },

  async session(m: EntityManager, id: string): Promise<Session | null> {
    return m.getRepository(Session).findOneBy({ id });
  },

  async sessions(m: EntityManager, ids: string[]): Promise<Session[]> {
    return m.getRepository(Session).findBy({ id: In(ids) });
  },

  async assembly(m: EntityManager, id: string): Promise<Assembly | null> {
    return m.getRepository(Assembly).findOneBy({ id });
  },

  /** The assembly of a session known to have one (a missing row is a bug: EntityNotFoundError). */
  async assemblyOrFail(m: EntityManager, id: string): Promise<Assembly> {
    return m.getRepository(Assembly).findOneByOrFail({ id });
  },

  async staffAccount(m: EntityManager, id: string): Promise<StaffAccount | null> {
    return m.getRepository(StaffAccount).findOneBy({ id });
  },

  async staffAccounts(m: EntityManager, ids: string[]): Promise<StaffAccount[]> {
    return m.getRepository(StaffAccount).findBy({ id: In(ids) });
  },

  /** The instructing services' accounts, by name. */
  async instructors(m: EntityManager): Promise<StaffAccount[]> {
    return m.getRepository(StaffAccount).find({ where: { role: 'instructor' }, order: { displayName: 'ASC' } });
  },

  /**
   * The latest participation of a roster member of the assembly with this email who joined one of
   * its sessions and was not removed, or null.
   */
  async memberParticipation(m: EntityManager, assemblyId: string, email: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT p.id FROM member m JOIN participant p ON p.member_id = m.id JOIN session s ON s.id = p.session_id
        WHERE m.assembly_id = $1 AND s.assembly_id = $1 AND lower(m.email) = $2 AND p.joined_at IS NOT NULL AND p.revoked_at IS NULL
        ORDER BY p.joined_at DESC, p.id LIMIT 1`,
      [assemblyId, email],
    );
    return rows[0]?.id ?? null;
  },

  /** Starts a subscription (again, if it had ended): the address's latest confirming participant is kept. */
  async upsertSubscription(m: EntityManager, assemblyId: string, email: string, participantId: string): Promise<void> {
    await m.query(
      `INSERT INTO follow_up_subscription (assembly_id, email, participant_id) VALUES ($1, $2, $3)
       ON CONFLICT (assembly_id, email) DO UPDATE SET participant_id = EXCLUDED.participant_id`,
      [assemblyId, email, participantId],
    );
  },

  async deleteSubscription(m: EntityManager, assemblyId: string, email: string): Promise<void> {
    await m.getRepository(FollowUpSubscription).delete({ assemblyId, email });
  },

  async subscriberEmails(m: EntityManager, assemblyId: string): Promise<string[]> {
    const rows = await m.getRepository(FollowUpSubscription).find({ where: { assemblyId }, select: { email: true } });
    return rows.map((row) => row.email);
  },

  // The demo's June plenary (followup.demo.ts).

  async sessionExists(m: EntityManager, joinCode: string): Promise<boolean> {
    return m.getRepository(Session).existsBy({ joinCode });
  },

  async sessionOrFail(m: EntityManager, id: string): Promise<Session> {
    return m.getRepository(Session).findOneByOrFail({ id });
  },

  async staffAccountByEmail(m: EntityManager, role: StaffAccount['role'], email: string): Promise<StaffAccount | null> {
    return m.getRepository(StaffAccount).findOneBy({ role, email });
  },

  async insertSession(m: EntityManager, session: Pick<Session, 'title' | 'date' | 'joinCode' | 'accessMode' | 'state' | 'assemblyId' | 'createdBy'>): Promise<Session> {
    return m.getRepository(Session).save(session);
  },

  /** A session's members, by name. */
  async members(m: EntityManager, sessionId: string): Promise<Participant[]> {
    return m.getRepository(Participant).find({ where: { sessionId, role: 'member' }, order: { displayName: 'ASC', id: 'ASC' } });
  },

  async insertIdea(m: EntityManager, idea: Pick<Idea, 'activityId' | 'sessionId' | 'columnId' | 'authorId' | 'title' | 'body' | 'status'>): Promise<Idea> {
    return m.getRepository(Idea).save(m.getRepository(Idea).create(idea));
  },

  async insertSupports(m: EntityManager, supports: Pick<IdeaSupport, 'ideaId' | 'activityId' | 'participantId' | 'dots'>[]): Promise<void> {
    await m.getRepository(IdeaSupport).insert(supports);
  },

  /** The one question of a survey. */
  async surveyQuestion(m: EntityManager, activityId: string): Promise<SurveyQuestion> {
    return m.getRepository(SurveyQuestion).findOneByOrFail({ activityId });
  },
};
