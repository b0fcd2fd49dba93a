import { Injectable } from '@nestjs/common';
import type { CommandPayload, EventPayload, IdeaStatus, IdeaView } from '@palabre/contracts';
import { canTransition, IDEA_TRANSITIONS, isPublicIdea, mergeSupports } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import type { Idea } from './board.entities';
import { BoardAccess, type BoardCtx } from './board-access';
import { boardsRepository } from './boards.repository';
import { SupportBroadcaster } from './support.broadcaster';

type Action = EventPayload<'idea.moderated'>['action'];

/**
 * Facilitators' actions on ideas. Each one marks the idea as acted on (its author can no longer
 * change it), is written to the audit log (ids only, no content) and tells the author.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly access: BoardAccess,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  approve(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.approve'>): Promise<IdeaView> {
    return this.move(tx, actor, payload, 'visible', 'approved', null);
  }

  reject(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.reject'>): Promise<IdeaView> {
    return this.move(tx, actor, payload, 'rejected', 'rejected', payload.reason);
  }

  hide(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.hide'>): Promise<IdeaView> {
    return this.move(tx, actor, payload, 'hidden', 'hidden', payload.reason ?? null);
  }

  restore(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.restore'>): Promise<IdeaView> {
    return this.move(tx, actor, payload, 'visible', 'restored', null);
  }

  async pin(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.pin'>): Promise<IdeaView> {
    return this.act(tx, actor, payload, payload.pinned ? 'idea.pinned' : 'idea.unpinned', (idea) => {
      if (idea.status !== 'visible') throw new AppError('INVALID_TRANSITION');
      idea.pinned = payload.pinned;
    });
  }

  async correct(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.correct'>): Promise<IdeaView> {
    return this.act(tx, actor, payload, 'idea.corrected', (idea, ctx) => {
      if (idea.status === 'withdrawn' || idea.status === 'merged') throw new AppError('INVALID_TRANSITION');
      if (payload.columnId) this.access.assertColumn(ctx, payload.columnId);
      Object.assign(idea, { title: payload.title, body: payload.body, columnId: payload.columnId ?? idea.columnId, editedByStaff: true });
      return 'corrected';
    });
  }

  async tag(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.tag'>): Promise<IdeaView> {
    return this.act(tx, actor, payload, 'idea.tagged', (idea) => {
      if (idea.status === 'withdrawn') throw new AppError('INVALID_TRANSITION');
      idea.tags = [...new Set(payload.tags)];
      idea.cluster = payload.cluster;
    });
  }

  /**
   * Merge duplicates into the target. Supports: one per member (single mode), dots added up to
   * the per-idea cap (dots mode, the excess returns to the member). Comments move to the target;
   * the originals stay, status `merged`, as the visible « fusion de … » trail.
   */
  async merge(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.merge'>): Promise<IdeaView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    const sourceIds = [...new Set(payload.sourceIds)];
    if (sourceIds.includes(payload.targetId)) throw new AppError('MERGE_INVALID');
    const ids = [payload.targetId, ...sourceIds].sort();
    // Locked in id order so two concurrent merges cannot deadlock.
    const ideas = await boardsRepository.lockIdeas(tx.manager, ctx.activity.id, ids);
    if (ideas.length !== ids.length) throw new AppError('MERGE_INVALID');
    const target = ideas.find((idea) => idea.id === payload.targetId)!;
    const sources = ideas.filter((idea) => idea.id !== payload.targetId);
    if (!['visible', 'pending'].includes(target.status) || sources.some((source) => !canTransition(IDEA_TRANSITIONS, source.status, 'merged'))) throw new AppError('MERGE_INVALID');

    const all = await boardsRepository.supportsOf(tx.manager, ids);
    const rowsOf = (ideaId: string) => all.filter((support) => support.ideaId === ideaId).map((support) => ({ participantId: support.participantId, dots: support.dots }));
    const merged = mergeSupports({ mode: ctx.board.supportMode, dotsPerIdeaMax: ctx.board.dotsPerIdeaMax }, rowsOf(target.id), sources.map((source) => rowsOf(source.id)));
    await boardsRepository.deleteSupportsOf(tx.manager, ids);
    if (merged.rows.length > 0) {
      await boardsRepository.insertSupports(tx.manager, merged.rows.map((row) => ({ ideaId: target.id, activityId: ctx.activity.id, participantId: row.participantId, dots: row.dots })));
    }
    const moved = await boardsRepository.commentsOf(tx.manager, sourceIds);
    if (moved.length > 0) await boardsRepository.moveComments(tx.manager, sourceIds, target.id);

    for (const source of sources) {
      const wasPublic = isPublicIdea(source.status);
      Object.assign(source, { status: 'merged', mergedInto: target.id, pinned: false, staffActed: true });
      await this.access.saveAndPublish(tx, ctx, source, wasPublic);
      await this.notify(tx, ctx, source, 'merged');
    }
    target.staffActed = true;
    const view = await this.access.saveAndPublish(tx, ctx, target, isPublicIdea(target.status));
    for (const comment of moved) await this.access.publishComment(tx, ctx, target, { ...comment, ideaId: target.id });
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, ids);
    await tx.audit(ctx.sessionId, 'idea.merged', actor.participantId, { activityId: ctx.activity.id, targetId: target.id, sourceIds, refundedDots: merged.refunded.reduce((sum, refund) => sum + refund.dots, 0) });
    return view;
  }

  async block(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'participant.block'>): Promise<{ participantId: string; blocked: boolean }> {
    let participantId = payload.participantId;
    if (!participantId && payload.ideaId) {
      const idea = await boardsRepository.findIdeaInSession(tx.manager, payload.ideaId, actor.sessionId);
      participantId = idea?.authorId;
      if (!participantId) throw new AppError('NOT_FOUND');
    }
    if (!participantId) throw new AppError('VALIDATION_FAILED', [{ path: 'participantId', message: 'participantId or ideaId is required' }]);
    const target = await boardsRepository.lockSessionParticipant(tx.manager, participantId, actor.sessionId);
    if (!target) throw new AppError('NOT_FOUND');
    if (target.role !== 'member') throw new AppError('PARTICIPANT_NOT_BLOCKABLE');
    if ((target.blockedAt !== null) !== payload.blocked) {
      await boardsRepository.setBlockedAt(tx.manager, target.id, payload.blocked ? new Date() : null);
      await tx.audit(actor.sessionId, payload.blocked ? 'participant.blocked' : 'participant.unblocked', actor.participantId, { participantId: target.id });
    }
    await tx.publish('participant.blocked', actor.sessionId, { participantId: target.id, blocked: payload.blocked }, { room: [rooms.participant(target.id), rooms.staff(actor.sessionId)] });
    return { participantId: target.id, blocked: payload.blocked };
  }

  /** A status change along IDEA_TRANSITIONS (a repeated request for the same status is not an error). */
  private move(tx: Tx, actor: ParticipantActor, payload: { activityId: string; ideaId: string }, to: IdeaStatus, action: Action, reason: string | null): Promise<IdeaView> {
    return this.act(tx, actor, payload, `idea.${action}`, (idea) => {
      if (idea.status === to) return null;
      if (!canTransition(IDEA_TRANSITIONS, idea.status, to)) throw new AppError('INVALID_TRANSITION');
      idea.status = to;
      idea.reason = reason;
      if (to !== 'visible') idea.pinned = false;
      return action;
    });
  }

  /** Loads and locks the idea, applies `change`, saves, publishes, audits, tells the author. */
  private async act(
    tx: Tx,
    actor: ParticipantActor,
    payload: { activityId: string; ideaId: string },
    auditType: string,
    change: (idea: Idea, ctx: BoardCtx) => Action | null | void,
  ): Promise<IdeaView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    const idea = await this.access.lockIdea(tx, ctx, actor, payload.ideaId);
    const wasPublic = isPublicIdea(idea.status);
    const before = JSON.stringify(idea);
    const action = change(idea, ctx);
    if (action === null) return this.access.view(tx.manager, idea);
    idea.staffActed = true;
    if (JSON.stringify(idea) === before) return this.access.view(tx.manager, idea);
    const view = await this.access.saveAndPublish(tx, ctx, idea, wasPublic);
    await tx.audit(ctx.sessionId, auditType, actor.participantId, { activityId: ctx.activity.id, ideaId: idea.id, ...(idea.reason ? { withReason: true } : {}) });
    if (action) await this.notify(tx, ctx, idea, action);
    return view;
  }

  private async notify(tx: Tx, ctx: BoardCtx, idea: Idea, action: Action): Promise<void> {
    await tx.publish(
      'idea.moderated',
      ctx.sessionId,
      { activityId: ctx.activity.id, ideaId: idea.id, title: idea.title, status: idea.status, action, reason: idea.reason },
      { room: rooms.participant(idea.authorId) },
    );
  }
}
