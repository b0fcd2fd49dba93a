import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { QnaConfig, type CommandPayload, type QnaQuestionStatus, type QnaQuestionView, type QnaSnapshot, type QnaVoteResult } from '@palabre/contracts';
import { canMerge, isPublicQuestion, isStaffRole, isVotable, QNA_MODERATION_FROM, QNA_MODERATION_TARGET } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { returningRows } from '../../database/returning';
import { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { activityEventOptions, canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { parseWith } from '../../common/validation';
import { QUESTION_SELECT, toQuestionView, type QuestionRow } from './qna.views';

export type ModerationCommand = keyof typeof QNA_MODERATION_TARGET;

/** "Échange avec la présidente": questions asked, upvoted once each, moderated, answered live. */
@Injectable()
export class QnaService {
  constructor(private readonly activities: ActivitiesService) {}

  async ask(tx: Tx, actor: ParticipantActor, p: CommandPayload<'qna.ask'>): Promise<QnaQuestionView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const activity = await this.qnaActivity(tx, actor, p.activityId);
    await this.assertOpen(tx, activity.id);
    const config = parseWith(QnaConfig, activity.config);
    if (p.anonymous && !config.anonymousAllowed) throw new AppError('QNA_ANONYMOUS_NOT_ALLOWED');
    // Staff questions skip pre-moderation: they are the moderators.
    const status: QnaQuestionStatus = config.moderation === 'pre' && !isStaffRole(actor.role) ? 'pending' : 'visible';
    const inserted: { id: string }[] = await tx.manager.query(
      'INSERT INTO qna_question (session_id, activity_id, author_id, anonymous, text, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [actor.sessionId, activity.id, actor.participantId, p.anonymous, p.text, status],
    );
    const question = toQuestionView(await this.row(tx.manager, inserted[0].id));
    if (status === 'pending') {
      // The moderation queue is the staff's; the author alone sees their own question waiting.
      await tx.publish('qna.queue.updated', actor.sessionId, { question }, { room: [rooms.staff(actor.sessionId), rooms.participant(actor.participantId)] });
    } else {
      await tx.publish('qna.question.created', actor.sessionId, { question }, await this.audience(tx.manager, activity.id));
    }
    await tx.audit(actor.sessionId, 'qna.asked', actor.participantId, { activityId: activity.id, questionId: question.id, status });
    return question;
  }

  async upvote(tx: Tx, actor: ParticipantActor, p: CommandPayload<'qna.upvote'>): Promise<QnaVoteResult> {
    const q = await this.lockVisibleQuestion(tx, actor, p.questionId);
    if (!isVotable(q.status)) throw new AppError('QNA_NOT_VOTABLE');
    // The primary key (question, participant) is what makes "once" true, even across nodes.
    const inserted: unknown[] = await tx.manager.query(
      'INSERT INTO qna_vote (question_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING question_id',
      [q.id, actor.participantId],
    );
    const votes = inserted.length > 0 ? await this.addVotes(tx, q.id, 1) : Number(q.votes);
    return { questionId: q.id, votes, voted: true };
  }

  async unvote(tx: Tx, actor: ParticipantActor, p: CommandPayload<'qna.unvote'>): Promise<QnaVoteResult> {
    const q = await this.lockVisibleQuestion(tx, actor, p.questionId);
    const deleted = returningRows<unknown>(
      await tx.manager.query('DELETE FROM qna_vote WHERE question_id = $1 AND participant_id = $2 RETURNING question_id', [q.id, actor.participantId]),
    );
    const votes = deleted.length > 0 ? await this.addVotes(tx, q.id, -1) : Number(q.votes);
    return { questionId: q.id, votes, voted: false };
  }

  async moderate(tx: Tx, actor: ParticipantActor, command: ModerationCommand, p: { questionId: string }): Promise<QnaQuestionView> {
    const before = await this.lockForModeration(tx, actor, p.questionId);
    const target = QNA_MODERATION_TARGET[command];
    // Two facilitators clicking the same action: the second finds it done and changes nothing.
    if (before.status === target) return toQuestionView(before);
    if (!QNA_MODERATION_FROM[command].includes(before.status)) throw new AppError('INVALID_TRANSITION');
    if (target === 'answering') {
      const previous: QuestionRow[] = await tx.manager.query(`${QUESTION_SELECT} WHERE q.activity_id = $1 AND q.status = 'answering'`, [before.activity_id]);
      for (const prev of previous) await this.setStatus(tx, actor, prev, 'visible', 'qna.markAnswering.released');
    }
    return this.setStatus(tx, actor, before, target, command);
  }

  async merge(tx: Tx, actor: ParticipantActor, p: CommandPayload<'qna.merge'>): Promise<{ merged: QnaQuestionView; into: QnaQuestionView }> {
    if (p.questionId === p.intoId) throw new AppError('QNA_MERGE_INVALID');
    const source = await this.lockForModeration(tx, actor, p.questionId);
    const target = await this.row(tx.manager, p.intoId, true, actor.sessionId);
    if (target.activity_id !== source.activity_id) throw new AppError('QNA_MERGE_INVALID');
    if (source.status === 'merged' && source.merged_into === target.id) return { merged: toQuestionView(source), into: toQuestionView(target) };
    if (!canMerge(source.status, target.status)) throw new AppError('QNA_MERGE_INVALID');
    // Supporters of the duplicate now support the kept question, each counted once.
    await tx.manager.query(
      'INSERT INTO qna_vote (question_id, participant_id) SELECT $1, participant_id FROM qna_vote WHERE question_id = $2 ON CONFLICT DO NOTHING',
      [target.id, source.id],
    );
    await tx.manager.query('UPDATE qna_question SET votes = (SELECT count(*) FROM qna_vote WHERE question_id = $1), updated_at = now() WHERE id = $1', [target.id]);
    await tx.manager.query(`UPDATE qna_question SET status = 'merged', merged_into = $2, updated_at = now() WHERE id = $1`, [source.id, target.id]);
    const merged = await this.row(tx.manager, source.id);
    const into = await this.row(tx.manager, target.id);
    await this.publishChange(tx, actor.sessionId, source.status, merged);
    await this.publishChange(tx, actor.sessionId, target.status, into);
    await tx.audit(actor.sessionId, 'qna.merged', actor.participantId, { activityId: source.activity_id, questionId: source.id, intoId: target.id });
    return { merged: toQuestionView(merged), into: toQuestionView(into) };
  }

  /** Staff: change a Q&A's settings. Questions already asked keep their status. */
  async configure(tx: Tx, actor: ParticipantActor, p: CommandPayload<'qna.configure'>): Promise<QnaConfig> {
    const activity = await this.qnaActivity(tx, actor, p.activityId);
    await tx.manager.query('SELECT 1 FROM activity WHERE id = $1 FOR UPDATE', [activity.id]);
    const locked: { config: unknown }[] = await tx.manager.query('SELECT config FROM activity WHERE id = $1', [activity.id]);
    const before = parseWith(QnaConfig, locked[0]?.config ?? {});
    const after: QnaConfig = {
      anonymousAllowed: p.anonymousAllowed ?? before.anonymousAllowed,
      moderation: p.moderation ?? before.moderation,
    };
    // The same change clicked by two facilitators is one change.
    if (isDeepStrictEqual(before, after)) return after;
    await tx.manager.query('UPDATE activity SET config = $2 WHERE id = $1', [activity.id, JSON.stringify(after)]);
    await this.publishSettings(tx, activity, after);
    await tx.audit(actor.sessionId, 'qna.configured', actor.participantId, { activityId: activity.id, from: before, to: after });
    return after;
  }

  /** Tells those who may read the Q&A its settings (the ask form offers anonymity only where allowed). */
  async publishSettings(tx: Tx, activity: Pick<Activity, 'id' | 'sessionId' | 'groupId'>, settings: QnaConfig): Promise<void> {
    await tx.publish('qna.settings.updated', activity.sessionId, { activityId: activity.id, settings }, await this.audience(tx.manager, activity.id));
  }

  /** Who hears about this Q&A's public questions and settings: the one audience rule. */
  async audience(manager: EntityManager, activityId: string): Promise<{ room?: string[]; bump?: boolean }> {
    const activity = await manager.getRepository(Activity).findOneByOrFail({ id: activityId });
    return activityEventOptions(activity, await readReportBackOpen(manager, activity.sessionId));
  }

  /** Snapshot part: members see published questions and their own waiting ones; staff see all. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<QnaSnapshot> {
    const staff = isStaffRole(actor.role);
    const rows: (QuestionRow & { group_id: string | null })[] = await manager.query(
      `${QUESTION_SELECT} JOIN activity a ON a.id = q.activity_id WHERE q.session_id = $1 ORDER BY q.created_at`,
      [actor.sessionId],
    );
    const me: { group_id: string | null }[] = await manager.query('SELECT group_id FROM participant WHERE id = $1', [actor.participantId]);
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const groups: { id: string; group_id: string | null; state: string; kind: string; config: unknown }[] = await manager.query(
      'SELECT id, group_id, state, kind, config FROM activity WHERE session_id = $1',
      [actor.sessionId],
    );
    const byId = new Map(groups.map((g) => [g.id, g]));
    const viewer = { role: actor.role, groupId: me[0]?.group_id ?? null };
    const readable = (activityId: string) => {
      const a = byId.get(activityId);
      return a !== undefined && canSeeActivity(viewer, { groupId: a.group_id, state: a.state }, reportBackOpen);
    };
    const questions = rows
      .filter((r) => readable(r.activity_id))
      .filter((r) => staff || isPublicQuestion(r.status) || (r.status === 'pending' && r.author_id === actor.participantId))
      .map(toQuestionView);
    const votes: { question_id: string }[] = await manager.query(
      'SELECT v.question_id FROM qna_vote v JOIN qna_question q ON q.id = v.question_id WHERE q.session_id = $1 AND v.participant_id = $2',
      [actor.sessionId, actor.participantId],
    );
    const visibleIds = new Set(questions.map((q) => q.id));
    const settings = Object.fromEntries(groups.filter((g) => g.kind === 'qna' && readable(g.id)).map((g) => [g.id, parseWith(QnaConfig, g.config ?? {})]));
    return {
      questions,
      myVotes: votes.map((v) => v.question_id).filter((id) => visibleIds.has(id)),
      myQuestions: rows.filter((r) => r.author_id === actor.participantId && visibleIds.has(r.id)).map((r) => r.id),
      settings,
    };
  }

  private async setStatus(tx: Tx, actor: ParticipantActor, before: QuestionRow, to: QnaQuestionStatus, auditType: string): Promise<QnaQuestionView> {
    await tx.manager.query('UPDATE qna_question SET status = $2, updated_at = now() WHERE id = $1', [before.id, to]);
    const after = await this.row(tx.manager, before.id);
    await this.publishChange(tx, actor.sessionId, before.status, after);
    await tx.audit(actor.sessionId, auditType, actor.participantId, {
      activityId: before.activity_id,
      questionId: before.id,
      from: before.status,
      to,
    });
    return toQuestionView(after);
  }

  /**
   * Members learn only what they may see: a published question's new state, or that it left
   * the public list. Staff always get the full question.
   */
  private async publishChange(tx: Tx, sessionId: string, from: QnaQuestionStatus, after: QuestionRow): Promise<void> {
    const question = toQuestionView(after);
    if (isPublicQuestion(after.status)) {
      await tx.publish('qna.question.updated', sessionId, { question }, await this.audience(tx.manager, after.activity_id));
      return;
    }
    await tx.publish('qna.queue.updated', sessionId, { question }, { room: rooms.staff(sessionId) });
    if (isPublicQuestion(from)) {
      await tx.publish('qna.question.removed', sessionId, { activityId: after.activity_id, questionId: after.id, mergedInto: after.merged_into }, await this.audience(tx.manager, after.activity_id));
    }
  }

  private async addVotes(tx: Tx, questionId: string, delta: 1 | -1): Promise<number> {
    const rows = returningRows<{ votes: number }>(
      await tx.manager.query('UPDATE qna_question SET votes = votes + $2 WHERE id = $1 RETURNING votes', [questionId, delta]),
    );
    return Number(rows[0].votes);
  }

  /** A question a member may vote on: in a readable, open Q&A, published (else it does not exist for them). */
  private async lockVisibleQuestion(tx: Tx, actor: ParticipantActor, questionId: string): Promise<QuestionRow> {
    const q = await this.row(tx.manager, questionId, true, actor.sessionId);
    const activity = await this.qnaActivity(tx, actor, q.activity_id);
    if (!isPublicQuestion(q.status) && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    await this.assertOpen(tx, activity.id);
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    return q;
  }

  /** Locks the Q&A activity row first: moderation of one Q&A is serialised, so "one en cours" holds. */
  private async lockForModeration(tx: Tx, actor: ParticipantActor, questionId: string): Promise<QuestionRow> {
    const peek = await this.row(tx.manager, questionId, false, actor.sessionId);
    await tx.manager.query('SELECT 1 FROM activity WHERE id = $1 FOR UPDATE', [peek.activity_id]);
    return this.row(tx.manager, questionId, true, actor.sessionId);
  }

  /**
   * Questions and upvotes need the Q&A open. FOR SHARE: a close (the lifecycle's FOR UPDATE) waits
   * for the contributions in flight, and a contribution after it sees it closed.
   */
  private async assertOpen(tx: Tx, activityId: string): Promise<void> {
    const rows: { state: string }[] = await tx.manager.query('SELECT state FROM activity WHERE id = $1 FOR SHARE', [activityId]);
    if (rows[0]?.state !== 'open') throw new AppError('QNA_CLOSED');
  }

  private async qnaActivity(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'qna') throw new AppError('NOT_FOUND');
    return activity;
  }

  private async row(manager: EntityManager, id: string, lock = false, sessionId?: string): Promise<QuestionRow> {
    const rows: QuestionRow[] = await manager.query(
      `${QUESTION_SELECT} WHERE q.id = $1${sessionId ? ' AND q.session_id = $2' : ''}${lock ? ' FOR UPDATE OF q' : ''}`,
      sessionId ? [id, sessionId] : [id],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return rows[0];
  }
}
