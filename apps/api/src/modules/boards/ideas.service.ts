import { Injectable } from '@nestjs/common';
import type { CommandPayload, IdeaView, SimilarIdea } from '@palabre/contracts';
import { canAuthorChange, isPublicIdea, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { Idea, IdeaSupport } from './board.entity';
import { SupportBroadcaster } from './support-broadcaster';
import { BoardStore } from './board-store';
import { SimilarityService } from './similarity.service';

/** What members do with their own ideas: post, edit, withdraw, and look for similar ones. */
@Injectable()
export class IdeasService {
  constructor(
    private readonly store: BoardStore,
    private readonly similarity: SimilarityService,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  async postIdea(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.post'>): Promise<IdeaView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    this.store.assertContributable(ctx, actor);
    this.store.assertColumn(ctx, p.columnId);
    if (p.anonymous && !ctx.board.anonymousAllowed) throw new AppError('IDEA_ANONYMOUS_NOT_ALLOWED');
    // Staff posts skip the queue: they are the moderators.
    const pending = ctx.board.moderation === 'pre' && !isStaffRole(actor.role);
    const repo = tx.manager.getRepository(Idea);
    const idea = await repo.save(
      repo.create({
        activityId: ctx.activity.id,
        sessionId: ctx.sessionId,
        columnId: p.columnId,
        authorId: actor.participantId,
        anonymous: p.anonymous,
        title: p.title,
        body: p.body,
        status: pending ? 'pending' : 'visible',
      }),
    );
    return this.store.publish(tx, ctx, idea, false);
  }

  async editIdea(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.edit'>): Promise<IdeaView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    this.store.assertContributable(ctx, actor);
    const idea = await this.ownIdea(tx, ctx, actor, p.ideaId);
    if (p.columnId) this.store.assertColumn(ctx, p.columnId);
    Object.assign(idea, { title: p.title, body: p.body, columnId: p.columnId ?? idea.columnId });
    return this.store.saveAndPublish(tx, ctx, idea, isPublicIdea(idea.status));
  }

  async withdrawIdea(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.withdraw'>): Promise<IdeaView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    if (ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    const idea = await this.ownIdea(tx, ctx, actor, p.ideaId);
    const wasPublic = isPublicIdea(idea.status);
    idea.status = 'withdrawn';
    // Withdrawal is final: the dots spent on it go back to their owners.
    await tx.manager.getRepository(IdeaSupport).delete({ ideaId: idea.id });
    // Its supports no longer count on the board.
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, [idea.id]);
    return this.store.saveAndPublish(tx, ctx, idea, wasPublic);
  }

  async similarIdeas(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.similar'>): Promise<SimilarIdea[]> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    // Members are only ever compared with what they can see; staff also with the queue.
    const statuses = isStaffRole(actor.role) ? ['visible', 'pending', 'hidden'] : ['visible'];
    return this.similarity.similar(tx.manager, ctx.activity.id, p.text, statuses, p.excludeIdeaId ?? null);
  }

  private async ownIdea(tx: Tx, ctx: Parameters<BoardStore['lockIdea']>[1], actor: ParticipantActor, ideaId: string): Promise<Idea> {
    const idea = await this.store.lockIdea(tx, ctx, actor, ideaId);
    if (idea.authorId !== actor.participantId) throw new AppError('IDEA_NOT_YOURS');
    if (!canAuthorChange(idea)) throw new AppError('IDEA_NOT_EDITABLE');
    return idea;
  }
}
