import type { BoardState, BoardView, CommentView, IdeaView } from '@palabre/contracts';
import type { Board, Idea, IdeaComment } from './board.entities';

export function toBoardView(board: Board, state: string): BoardView {
  return {
    activityId: board.activityId,
    state: state as BoardState,
    columns: board.columns,
    moderation: board.moderation,
    supportMode: board.supportMode,
    dotsPerMember: board.dotsPerMember,
    dotsPerIdeaMax: board.dotsPerIdeaMax,
    supportsHidden: board.supportsHidden,
    anonymousAllowed: board.anonymousAllowed,
    supportEligibility: board.supportEligibility,
  };
}

/** The one view of an idea everybody allowed to see it gets: the author stays unnamed when anonymous. */
export function toIdeaView(idea: Idea, authorName: string, mergedFrom: { id: string; title: string }[]): IdeaView {
  return {
    id: idea.id,
    activityId: idea.activityId,
    columnId: idea.columnId,
    title: idea.title,
    body: idea.body,
    status: idea.status,
    anonymous: idea.anonymous,
    authorId: idea.anonymous ? null : idea.authorId,
    authorName: idea.anonymous ? null : authorName,
    pinned: idea.pinned,
    editedByStaff: idea.editedByStaff,
    locked: idea.staffActed,
    reason: idea.reason,
    tags: idea.tags,
    cluster: idea.cluster,
    mergedInto: idea.mergedInto,
    mergedFrom,
    createdAt: idea.createdAt.toISOString(),
    rev: idea.rev,
  };
}

export function toCommentView(comment: IdeaComment, authorName: string): CommentView {
  return {
    id: comment.id,
    ideaId: comment.ideaId,
    parentId: comment.parentId,
    authorId: comment.authorId,
    authorName,
    body: comment.deleted ? '' : comment.body,
    deleted: comment.deleted,
    edited: comment.edited,
    createdAt: comment.createdAt.toISOString(),
  };
}
