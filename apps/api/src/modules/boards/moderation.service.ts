import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { CommandPayload, EventPayload, IdeaStatus, IdeaView } from '@palabre/contracts';
import { canTransition, IDEA_TRANSITIONS, isPublicIdea, mergeSupports } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { Participant } from '../sessions/participant.entity';
import { Idea, IdeaComment, IdeaSupport } from './board.entity';
import { SupportBroadcaster } from './support-broadcaster';
import { BoardStore, type BoardCtx } from './board-store';

type Action = EventPayload<'idea.moderated'>['action'];

/**
 * Facilitators' actions on ideas. Each one marks the idea as acted on (its author can no longer
 * change it), is written to the audit log (ids only, no content) and tells the author.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly store: BoardStore,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  approve(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.approve'>): Promise<IdeaView> {
    return this.move(tx, actor, p, 'visible', 'approved', null);
  }

  reject(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.reject'>): Promise<IdeaView> {
    return this.move(tx, actor, p, 'rejected', 'rejected', p.reason);
  }

  hide(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.hide'>): Promise<IdeaView> {
    return this.move(tx, actor, p, 'hidden', 'hidden', p.reason ?? null);
  }

  restore(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.restore'>): Promise<IdeaView> {
    return this.move(tx, actor, p, 'visible', 'restored', null);
  }

  async pin(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.pin'>): Promise<IdeaView> {
    return this.act(tx, actor, p, p.pinned ? 'idea.pinned' : 'idea.unpinned', (idea) => {
      if (idea.status !== 'visible') throw new AppError('INVALID_TRANSITION');
      idea.pinned = p.pinned;
    });
  }

  async correct(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.correct'>): Promise<IdeaView> {
    return this.act(tx, actor, p, 'idea.corrected', (idea, ctx) => {
      if (idea.status === 'withdrawn' || idea.status === 'merged') throw new AppError('INVALID_TRANSITION');
      if (p.columnId) this.store.assertColumn(ctx, p.columnId);
      Object.assign(idea, { title: p.title, body: p.body, columnId: p.columnId ?? idea.columnId, editedByStaff: true });
      return 'corrected';
    });
  }

  async tag(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.tag'>): Promise<IdeaView> {
    return this.act(tx, actor, p, 'idea.tagged', (idea) => {
      if (idea.status === 'withdrawn') throw new AppError('INVALID_TRANSITION');
      idea.tags = [...new Set(p.tags)];
      idea.cluster = p.cluster;
    });
  }

  /**
   * Merge duplicates into the target. Supports: one per member (single mode), dots added up to
   * the per-idea cap (dots mode, the excess returns to the member). Comments move to the target;
   * the originals stay, status `merged`, as the visible « fusion de … » trail.
   */
  async merge(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.merge'>): Promise<IdeaView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    const sourceIds = [...new Set(p.sourceIds)];
    if (sourceIds.includes(p.targetId)) throw new AppError('MERGE_INVALID');
    const ids = [p.targetId, ...sourceIds].sort();
    // Locked in id order so two concurrent merges cannot deadlock.
    const ideas = await tx.manager.getRepository(Idea).find({ where: { id: In(ids), activityId: ctx.activity.id }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    if (ideas.length !== ids.length) throw new AppError('MERGE_INVALID');
    const target = ideas.find((i) => i.id === p.targetId)!;
    const sources = ideas.filter((i) => i.id !== p.targetId);
    if (!['visible', 'pending'].includes(target.status) || sources.some((s) => !canTransition(IDEA_TRANSITIONS, s.status, 'merged'))) throw new AppError('MERGE_INVALID');

    const supports = tx.manager.getRepository(IdeaSupport);
    const all = await supports.find({ where: { ideaId: In(ids) } });
    const rowsOf = (ideaId: string) => all.filter((s) => s.ideaId === ideaId).map((s) => ({ participantId: s.participantId, dots: s.dots }));
    const merged = mergeSupports({ mode: ctx.board.supportMode, dotsPerIdeaMax: ctx.board.dotsPerIdeaMax }, rowsOf(target.id), sources.map((s) => rowsOf(s.id)));
    await supports.delete({ ideaId: In(ids) });
    if (merged.rows.length > 0) {
      await supports.insert(merged.rows.map((r) => ({ ideaId: target.id, activityId: ctx.activity.id, participantId: r.participantId, dots: r.dots })));
    }
    const moved = await tx.manager.getRepository(IdeaComment).find({ where: { ideaId: In(sourceIds) } });
    if (moved.length > 0) await tx.manager.getRepository(IdeaComment).update({ ideaId: In(sourceIds) }, { ideaId: target.id });

    for (const source of sources) {
      const wasPublic = isPublicIdea(source.status);
      Object.assign(source, { status: 'merged', mergedInto: target.id, pinned: false, staffActed: true });
      await this.store.saveAndPublish(tx, ctx, source, wasPublic);
      await this.notify(tx, ctx, source, 'merged');
    }
    target.staffActed = true;
    const view = await this.store.saveAndPublish(tx, ctx, target, isPublicIdea(target.status));
    for (const comment of moved) await this.store.publishComment(tx, ctx, target, { ...comment, ideaId: target.id });
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, ids);
    await tx.audit(ctx.sessionId, 'idea.merged', actor.participantId, { activityId: ctx.activity.id, targetId: target.id, sourceIds, refundedDots: merged.refunded.reduce((s, r) => s + r.dots, 0) });
    return view;
  }

  async block(tx: Tx, actor: ParticipantActor, p: CommandPayload<'participant.block'>): Promise<{ participantId: string; blocked: boolean }> {
    let participantId = p.participantId;
    if (!participantId && p.ideaId) {
      const idea = await tx.manager.getRepository(Idea).findOneBy({ id: p.ideaId, sessionId: actor.sessionId });
      participantId = idea?.authorId;
      if (!participantId) throw new AppError('NOT_FOUND');
    }
    if (!participantId) throw new AppError('VALIDATION_FAILED', [{ path: 'participantId', message: 'participantId or ideaId is required' }]);
    const repo = tx.manager.getRepository(Participant);
    const target = await repo.findOne({ where: { id: participantId, sessionId: actor.sessionId }, lock: { mode: 'pessimistic_write' } });
    if (!target) throw new AppError('NOT_FOUND');
    if (target.role !== 'member') throw new AppError('PARTICIPANT_NOT_BLOCKABLE');
    if ((target.blockedAt !== null) !== p.blocked) {
      await repo.update(target.id, { blockedAt: p.blocked ? new Date() : null });
      await tx.audit(actor.sessionId, p.blocked ? 'participant.blocked' : 'participant.unblocked', actor.participantId, { participantId: target.id });
    }
    await tx.publish('participant.blocked', actor.sessionId, { participantId: target.id, blocked: p.blocked }, { room: [rooms.participant(target.id), rooms.staff(actor.sessionId)] });
    return { participantId: target.id, blocked: p.blocked };
  }

  /** A status change along IDEA_TRANSITIONS (a repeated request for the same status is not an error). */
  private move(tx: Tx, actor: ParticipantActor, p: { activityId: string; ideaId: string }, to: IdeaStatus, action: Action, reason: string | null): Promise<IdeaView> {
    return this.act(tx, actor, p, `idea.${action}`, (idea) => {
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
    p: { activityId: string; ideaId: string },
    auditType: string,
    change: (idea: Idea, ctx: BoardCtx) => Action | null | void,
  ): Promise<IdeaView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    const idea = await this.store.lockIdea(tx, ctx, actor, p.ideaId);
    const wasPublic = isPublicIdea(idea.status);
    const before = JSON.stringify(idea);
    const action = change(idea, ctx);
    if (action === null) return this.store.view(tx.manager, idea);
    idea.staffActed = true;
    if (JSON.stringify(idea) === before) return this.store.view(tx.manager, idea);
    const view = await this.store.saveAndPublish(tx, ctx, idea, wasPublic);
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
