import { Injectable } from '@nestjs/common';
import type { CommandPayload, CommentView } from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { Idea, IdeaComment } from './board.entity';
import { BoardStore, type BoardCtx } from './board-store';

/** Comments on ideas, with one level of replies. */
@Injectable()
export class CommentsService {
  constructor(private readonly store: BoardStore) {}

  async postComment(tx: Tx, actor: ParticipantActor, p: CommandPayload<'comment.post'>): Promise<CommentView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    this.store.assertContributable(ctx, actor);
    const idea = await this.store.lockIdea(tx, ctx, actor, p.ideaId);
    if (idea.status !== 'visible') throw new AppError('IDEA_NOT_VISIBLE');
    const repo = tx.manager.getRepository(IdeaComment);
    if (p.parentId) {
      const parent = await repo.findOneBy({ id: p.parentId, ideaId: idea.id });
      if (!parent) throw new AppError('NOT_FOUND');
      if (parent.parentId !== null) throw new AppError('COMMENT_DEPTH');
    }
    const comment = await repo.save(repo.create({ ideaId: idea.id, activityId: ctx.activity.id, parentId: p.parentId ?? null, authorId: actor.participantId, body: p.body }));
    return this.store.publishComment(tx, ctx, idea, comment);
  }

  async editComment(tx: Tx, actor: ParticipantActor, p: CommandPayload<'comment.edit'>): Promise<CommentView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    this.store.assertContributable(ctx, actor);
    const { comment, idea } = await this.find(tx, ctx, actor, p.commentId);
    if (comment.authorId !== actor.participantId) throw new AppError('COMMENT_NOT_YOURS');
    if (comment.deleted) throw new AppError('INVALID_TRANSITION');
    Object.assign(comment, { body: p.body, edited: true });
    return this.store.publishComment(tx, ctx, idea, await tx.manager.getRepository(IdeaComment).save(comment));
  }

  /** The author deletes their comment; staff may delete any (a moderation action, audited). */
  async deleteComment(tx: Tx, actor: ParticipantActor, p: CommandPayload<'comment.delete'>): Promise<CommentView> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    const { comment, idea } = await this.find(tx, ctx, actor, p.commentId);
    const own = comment.authorId === actor.participantId;
    if (!own && !isStaffRole(actor.role)) throw new AppError('COMMENT_NOT_YOURS');
    if (own && !isStaffRole(actor.role) && ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    if (!comment.deleted) {
      comment.deleted = true;
      await tx.manager.getRepository(IdeaComment).save(comment);
      if (!own) await tx.audit(ctx.sessionId, 'comment.deleted', actor.participantId, { activityId: ctx.activity.id, ideaId: idea.id, commentId: comment.id });
    }
    return this.store.publishComment(tx, ctx, idea, comment);
  }

  private async find(tx: Tx, ctx: BoardCtx, actor: ParticipantActor, commentId: string): Promise<{ comment: IdeaComment; idea: Idea }> {
    const comment = await tx.manager.getRepository(IdeaComment).findOneBy({ id: commentId, activityId: ctx.activity.id });
    if (!comment) throw new AppError('NOT_FOUND');
    const idea = await this.store.lockIdea(tx, ctx, actor, comment.ideaId);
    return { comment, idea };
  }
}
