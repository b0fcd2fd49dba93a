import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { QnaConfig, type CommandPayload, type QnaQuestionStatus, type QnaQuestionView, type QnaSnapshot, type QnaVoteResult } from '@palabre/contracts';
import { canMerge, isPublicQuestion, isStaffRole, isVotable, QNA_MODERATION_FROM, QNA_MODERATION_TARGET } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { activityEventOptions, canSeeActivity, readReportBackOpen, readSessionActivities } from '../sessions/audience';
import { parseWith } from '../../common/validation';
import { QnaVotesBroadcaster } from './qna-votes.broadcaster';
import { qnaRepository } from './qna.repository';
import { toQuestionView, type QuestionRow } from './qna.views';

export type ModerationCommand = keyof typeof QNA_MODERATION_TARGET;

/** "Échange avec la présidente": questions asked, upvoted once each, moderated, answered live. */
@Injectable()
export class QnaService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly votes: QnaVotesBroadcaster,
  ) {}

  /** Upvote counts go out after the commit, coalesced, read back from the database. */
  private countsAfterCommit(tx: Tx, questionId: string): void {
    tx.afterCommit(() => this.votes.mark(questionId));
  }

  async ask(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'qna.ask'>): Promise<QnaQuestionView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const activity = await this.qnaActivity(tx, actor, payload.activityId);
    await this.assertOpen(tx, activity.id);
    const config = parseWith(QnaConfig, activity.config);
    if (payload.anonymous && !config.anonymousAllowed) throw new AppError('QNA_ANONYMOUS_NOT_ALLOWED');
    // Staff questions skip pre-moderation: they are the moderators.
    const status: QnaQuestionStatus = config.moderation === 'pre' && !isStaffRole(actor.role) ? 'pending' : 'visible';
    const id = await qnaRepository.insertQuestion(tx.manager, { sessionId: actor.sessionId, activityId: activity.id, authorId: actor.participantId, anonymous: payload.anonymous, text: payload.text, status });
    const question = toQuestionView(await this.row(tx.manager, id));
    if (status === 'pending') {
      // The moderation queue is the staff's; the author alone sees their own question waiting.
      await tx.publish('qna.queue.updated', actor.sessionId, { question }, { room: [rooms.staff(actor.sessionId), rooms.participant(actor.participantId)] });
    } else {
      await tx.publish('qna.question.created', actor.sessionId, { question }, await this.audience(tx.manager, activity.id));
    }
    await tx.audit(actor.sessionId, 'qna.asked', actor.participantId, { activityId: activity.id, questionId: question.id, status });
    return question;
  }

  async upvote(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'qna.upvote'>): Promise<QnaVoteResult> {
    const question = await this.lockVisibleQuestion(tx, actor, payload.questionId);
    if (!isVotable(question.status)) throw new AppError('QNA_NOT_VOTABLE');
    // The primary key (question, participant) is what makes "once" true, even across nodes.
    const inserted = await qnaRepository.insertVote(tx.manager, question.id, actor.participantId);
    const votes = inserted ? await qnaRepository.addVotes(tx.manager, question.id, 1) : Number(question.votes);
    this.countsAfterCommit(tx, question.id);
    return { questionId: question.id, votes, voted: true };
  }

  async unvote(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'qna.unvote'>): Promise<QnaVoteResult> {
    const question = await this.lockVisibleQuestion(tx, actor, payload.questionId);
    const deleted = await qnaRepository.deleteVote(tx.manager, question.id, actor.participantId);
    const votes = deleted ? await qnaRepository.addVotes(tx.manager, question.id, -1) : Number(question.votes);
    this.countsAfterCommit(tx, question.id);
    return { questionId: question.id, votes, voted: false };
  }

  async moderate(tx: Tx, actor: ParticipantActor, command: ModerationCommand, payload: { questionId: string }): Promise<QnaQuestionView> {
    const before = await this.lockForModeration(tx, actor, payload.questionId);
    const target = QNA_MODERATION_TARGET[command];
    // Two facilitators clicking the same action: the second finds it done and changes nothing.
    if (before.status === target) return toQuestionView(before);
    if (!QNA_MODERATION_FROM[command].includes(before.status)) throw new AppError('INVALID_TRANSITION');
    if (target === 'answering') {
      const previous = await qnaRepository.answeringQuestions(tx.manager, before.activity_id);
      for (const prev of previous) await this.setStatus(tx, actor, prev, 'visible', 'qna.markAnswering.released');
    }
    return this.setStatus(tx, actor, before, target, command);
  }

  async merge(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'qna.merge'>): Promise<{ merged: QnaQuestionView; into: QnaQuestionView }> {
    if (payload.questionId === payload.intoId) throw new AppError('QNA_MERGE_INVALID');
    const source = await this.lockForModeration(tx, actor, payload.questionId);
    const target = await this.row(tx.manager, payload.intoId, true, actor.sessionId);
    if (target.activity_id !== source.activity_id) throw new AppError('QNA_MERGE_INVALID');
    if (source.status === 'merged' && source.merged_into === target.id) return { merged: toQuestionView(source), into: toQuestionView(target) };
    if (!canMerge(source.status, target.status)) throw new AppError('QNA_MERGE_INVALID');
    // Supporters of the duplicate now support the kept question, each counted once.
    await qnaRepository.mergeQuestion(tx.manager, source.id, target.id);
    const merged = await this.row(tx.manager, source.id);
    const into = await this.row(tx.manager, target.id);
    await this.publishChange(tx, actor.sessionId, source.status, merged);
    await this.publishChange(tx, actor.sessionId, target.status, into);
    await tx.audit(actor.sessionId, 'qna.merged', actor.participantId, { activityId: source.activity_id, questionId: source.id, intoId: target.id });
    this.countsAfterCommit(tx, target.id);
    return { merged: toQuestionView(merged), into: toQuestionView(into) };
  }

  /** Staff: change a Q&A's settings. Questions already asked keep their status. */
  async configure(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'qna.configure'>): Promise<QnaConfig> {
    const activity = await this.qnaActivity(tx, actor, payload.activityId);
    await qnaRepository.lockActivity(tx.manager, activity.id);
    const before = parseWith(QnaConfig, (await qnaRepository.activityConfig(tx.manager, activity.id)) ?? {});
    const after: QnaConfig = {
      anonymousAllowed: payload.anonymousAllowed ?? before.anonymousAllowed,
      moderation: payload.moderation ?? before.moderation,
    };
    // The same change clicked by two facilitators is one change.
    if (isDeepStrictEqual(before, after)) return after;
    await qnaRepository.setActivityConfig(tx.manager, activity.id, after);
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
    const activity = await qnaRepository.findActivity(manager, activityId);
    return activityEventOptions(activity, await readReportBackOpen(manager, activity.sessionId));
  }

  /** Snapshot part: members see published questions and their own waiting ones; staff see all. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<QnaSnapshot> {
    const staff = isStaffRole(actor.role);
    const rows = await qnaRepository.sessionQuestions(manager, actor.sessionId);
    const myGroupId = actor.groupId;
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const activities = await readSessionActivities(manager, actor.sessionId);
    const byId = new Map(activities.map((activity) => [activity.id, activity]));
    const viewer = { role: actor.role, groupId: myGroupId };
    const readable = (activityId: string) => {
      const activity = byId.get(activityId);
      return activity !== undefined && canSeeActivity(viewer, activity, reportBackOpen);
    };
    const questions = rows
      .filter((row) => readable(row.activity_id))
      .filter((row) => staff || isPublicQuestion(row.status) || (row.status === 'pending' && row.author_id === actor.participantId))
      .map(toQuestionView);
    const voted = await qnaRepository.votedQuestionIds(manager, actor.sessionId, actor.participantId);
    const visibleIds = new Set(questions.map((question) => question.id));
    const settings = Object.fromEntries(activities.filter((activity) => activity.kind === 'qna' && readable(activity.id)).map((activity) => [activity.id, parseWith(QnaConfig, activity.config ?? {})]));
    return {
      questions,
      myVotes: voted.filter((id) => visibleIds.has(id)),
      myQuestions: rows.filter((row) => row.author_id === actor.participantId && visibleIds.has(row.id)).map((row) => row.id),
      settings,
    };
  }

  private async setStatus(tx: Tx, actor: ParticipantActor, before: QuestionRow, to: QnaQuestionStatus, auditType: string): Promise<QnaQuestionView> {
    await qnaRepository.setStatus(tx.manager, before.id, to);
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

  /** A question a member may vote on: in a readable, open Q&A, published (else it does not exist for them). */
  private async lockVisibleQuestion(tx: Tx, actor: ParticipantActor, questionId: string): Promise<QuestionRow> {
    const question = await this.row(tx.manager, questionId, true, actor.sessionId);
    const activity = await this.qnaActivity(tx, actor, question.activity_id);
    if (!isPublicQuestion(question.status) && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    await this.assertOpen(tx, activity.id);
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    return question;
  }

  /** Locks the Q&A activity row first: moderation of one Q&A is serialised, so "one en cours" holds. */
  private async lockForModeration(tx: Tx, actor: ParticipantActor, questionId: string): Promise<QuestionRow> {
    const peek = await this.row(tx.manager, questionId, false, actor.sessionId);
    await qnaRepository.lockActivity(tx.manager, peek.activity_id);
    return this.row(tx.manager, questionId, true, actor.sessionId);
  }

  /**
   * Questions and upvotes need the Q&A open. FOR SHARE: a close (the lifecycle's FOR UPDATE) waits
   * for the contributions in flight, and a contribution after it sees it closed.
   */
  private async assertOpen(tx: Tx, activityId: string): Promise<void> {
    if ((await qnaRepository.shareActivityState(tx.manager, activityId)) !== 'open') throw new AppError('QNA_CLOSED');
  }

  private async qnaActivity(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'qna') throw new AppError('NOT_FOUND');
    return activity;
  }

  private async row(manager: EntityManager, id: string, lock = false, sessionId?: string): Promise<QuestionRow> {
    const question = await qnaRepository.question(manager, id, lock, sessionId);
    if (!question) throw new AppError('NOT_FOUND');
    return question;
  }
}
