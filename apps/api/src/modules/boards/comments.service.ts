import { Injectable } from '@nestjs/common';
import type { CommandPayload, CommentView } from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import type { Idea, IdeaComment } from './board.entities';
import { BoardAccess, type BoardCtx } from './board-access';
import { boardsRepository } from './boards.repository';

/** Comments on ideas, with one level of replies. */
@Injectable()
export class CommentsService {
  constructor(private readonly access: BoardAccess) {}

  async postComment(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'comment.post'>): Promise<CommentView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    this.access.assertContributable(ctx, actor);
    const idea = await this.access.lockIdea(tx, ctx, actor, payload.ideaId);
    if (idea.status !== 'visible') throw new AppError('IDEA_NOT_VISIBLE');
    if (payload.parentId) {
      const parent = await boardsRepository.findIdeaComment(tx.manager, payload.parentId, idea.id);
      if (!parent) throw new AppError('NOT_FOUND');
      if (parent.parentId !== null) throw new AppError('COMMENT_DEPTH');
    }
    const comment = await boardsRepository.createComment(tx.manager, { ideaId: idea.id, activityId: ctx.activity.id, parentId: payload.parentId ?? null, authorId: actor.participantId, body: payload.body });
    return this.access.publishComment(tx, ctx, idea, comment);
  }

  async editComment(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'comment.edit'>): Promise<CommentView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    this.access.assertContributable(ctx, actor);
    const { comment, idea } = await this.find(tx, ctx, actor, payload.commentId);
    if (comment.authorId !== actor.participantId) throw new AppError('COMMENT_NOT_YOURS');
    if (comment.deleted) throw new AppError('INVALID_TRANSITION');
    Object.assign(comment, { body: payload.body, edited: true });
    return this.access.publishComment(tx, ctx, idea, await boardsRepository.saveComment(tx.manager, comment));
  }

  /** The author deletes their comment; staff may delete any (a moderation action, audited). */
  async deleteComment(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'comment.delete'>): Promise<CommentView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    const { comment, idea } = await this.find(tx, ctx, actor, payload.commentId);
    const own = comment.authorId === actor.participantId;
    if (!own && !isStaffRole(actor.role)) throw new AppError('COMMENT_NOT_YOURS');
    if (own && !isStaffRole(actor.role) && ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    if (!comment.deleted) {
      comment.deleted = true;
      await boardsRepository.saveComment(tx.manager, comment);
      if (!own) await tx.audit(ctx.sessionId, 'comment.deleted', actor.participantId, { activityId: ctx.activity.id, ideaId: idea.id, commentId: comment.id });
    }
    return this.access.publishComment(tx, ctx, idea, comment);
  }

  private async find(tx: Tx, ctx: BoardCtx, actor: ParticipantActor, commentId: string): Promise<{ comment: IdeaComment; idea: Idea }> {
    const comment = await boardsRepository.findComment(tx.manager, commentId, ctx.activity.id);
    if (!comment) throw new AppError('NOT_FOUND');
    const idea = await this.access.lockIdea(tx, ctx, actor, comment.ideaId);
    return { comment, idea };
  }
}
