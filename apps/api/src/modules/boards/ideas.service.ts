import { Injectable } from '@nestjs/common';
import type { CommandPayload, IdeaView, SimilarIdea } from '@palabre/contracts';
import { canAuthorChange, isPublicIdea, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import type { Idea } from './board.entities';
import { BoardAccess, type BoardCtx } from './board-access';
import { boardsRepository } from './boards.repository';
import { SimilarityService } from './similarity.service';
import { SupportBroadcaster } from './support.broadcaster';

/** What members do with their own ideas: post, edit, withdraw, and look for similar ones. */
@Injectable()
export class IdeasService {
  constructor(
    private readonly access: BoardAccess,
    private readonly similarity: SimilarityService,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  async postIdea(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.post'>): Promise<IdeaView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    this.access.assertContributable(ctx, actor);
    this.access.assertColumn(ctx, payload.columnId);
    if (payload.anonymous && !ctx.board.anonymousAllowed) throw new AppError('IDEA_ANONYMOUS_NOT_ALLOWED');
    // Staff posts skip the queue: they are the moderators.
    const pending = ctx.board.moderation === 'pre' && !isStaffRole(actor.role);
    const idea = await boardsRepository.createIdea(tx.manager, {
      activityId: ctx.activity.id,
      sessionId: ctx.sessionId,
      columnId: payload.columnId,
      authorId: actor.participantId,
      anonymous: payload.anonymous,
      title: payload.title,
      body: payload.body,
      status: pending ? 'pending' : 'visible',
    });
    return this.access.publish(tx, ctx, idea, false);
  }

  async editIdea(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.edit'>): Promise<IdeaView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    this.access.assertContributable(ctx, actor);
    const idea = await this.ownIdea(tx, ctx, actor, payload.ideaId);
    if (payload.columnId) this.access.assertColumn(ctx, payload.columnId);
    Object.assign(idea, { title: payload.title, body: payload.body, columnId: payload.columnId ?? idea.columnId });
    return this.access.saveAndPublish(tx, ctx, idea, isPublicIdea(idea.status));
  }

  async withdrawIdea(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.withdraw'>): Promise<IdeaView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    if (ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    const idea = await this.ownIdea(tx, ctx, actor, payload.ideaId);
    const wasPublic = isPublicIdea(idea.status);
    idea.status = 'withdrawn';
    // Withdrawal is final: the dots spent on it go back to their owners.
    await boardsRepository.deleteIdeaSupports(tx.manager, idea.id);
    // Its supports no longer count on the board.
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, [idea.id]);
    return this.access.saveAndPublish(tx, ctx, idea, wasPublic);
  }

  async similarIdeas(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.similar'>): Promise<SimilarIdea[]> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    // Members are only ever compared with what they can see; staff also with the queue.
    const statuses = isStaffRole(actor.role) ? ['visible', 'pending', 'hidden'] : ['visible'];
    return this.similarity.similar(tx.manager, ctx.activity.id, payload.text, statuses, payload.excludeIdeaId ?? null);
  }

  private async ownIdea(tx: Tx, ctx: BoardCtx, actor: ParticipantActor, ideaId: string): Promise<Idea> {
    const idea = await this.access.lockIdea(tx, ctx, actor, ideaId);
    if (idea.authorId !== actor.participantId) throw new AppError('IDEA_NOT_YOURS');
    if (!canAuthorChange(idea)) throw new AppError('IDEA_NOT_EDITABLE');
    return idea;
  }
}
