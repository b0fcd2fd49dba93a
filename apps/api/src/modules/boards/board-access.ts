import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BoardState, IdeaView } from '@palabre/contracts';
import { isPublicIdea, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { ActivitiesService } from '../sessions/activities.service';
import type { Activity } from '../sessions/activity.entity';
import { activityRooms, isStaffOnly, readReportBackOpen } from '../sessions/audience';
import type { Board, Idea, IdeaComment } from './board.entities';
import { boardsRepository } from './boards.repository';
import { toCommentView, toIdeaView } from './boards.views';

/** A board a command acts on, with who hears about its ideas. */
export interface BoardCtx {
  activity: Activity;
  board: Board;
  state: BoardState;
  sessionId: string;
  /** Rooms of the people who see its public ideas (`activityRooms`: the one audience rule). */
  audience: string[];
  reportBackOpen: boolean;
}

/** Who may act on a board and its ideas (access checks), and who hears about idea changes (publishing to the right rooms). */
@Injectable()
export class BoardAccess {
  constructor(private readonly activities: ActivitiesService) {}

  /** A board the actor may act on; members never see a draft board (NOT_FOUND). */
  async load(tx: Tx, actor: ParticipantActor, activityId: string): Promise<BoardCtx> {
    const { activity, reportBackOpen } = await this.activities.loadWritable(tx, actor, activityId);
    if (activity.kind !== 'board') throw new AppError('NOT_FOUND');
    if (isStaffOnly(activity) && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    return this.context(tx, activity, reportBackOpen);
  }

  /** The board of an activity already checked (the lifecycle's hooks), with who hears about it. */
  async context(tx: Tx, activity: Activity, reportBackOpen?: boolean): Promise<BoardCtx> {
    const board = await boardsRepository.findBoard(tx.manager, activity.id);
    if (!board) throw new AppError('NOT_FOUND');
    const open = reportBackOpen ?? (await readReportBackOpen(tx.manager, activity.sessionId));
    return { activity, board, state: activity.state as BoardState, sessionId: activity.sessionId, audience: activityRooms(activity, open), reportBackOpen: open };
  }

  /** After a state change: the audience follows the new state (a draft board is the staff's alone). */
  setState(ctx: BoardCtx, state: BoardState): void {
    ctx.activity.state = state;
    ctx.state = state;
    ctx.audience = activityRooms(ctx.activity, ctx.reportBackOpen);
  }

  /** Refusals for anything that adds or changes content: suspended member, closed or locked board. */
  assertContributable(ctx: BoardCtx, actor: ParticipantActor): void {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    if (ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    if (isStaffOnly(ctx) && !isStaffRole(actor.role)) throw new AppError('BOARD_NOT_OPEN');
  }

  assertColumn(ctx: BoardCtx, columnId: string): void {
    if (!ctx.board.columns.some((column) => column.id === columnId)) throw new AppError('BOARD_COLUMN_UNKNOWN');
  }

  /** The idea, row-locked for this transaction; another board's or an unseen idea is NOT_FOUND. */
  async lockIdea(tx: Tx, ctx: BoardCtx, actor: ParticipantActor, ideaId: string): Promise<Idea> {
    const idea = await boardsRepository.lockIdea(tx.manager, ctx.activity.id, ideaId);
    if (!idea) throw new AppError('NOT_FOUND');
    if (!isStaffRole(actor.role) && !isPublicIdea(idea.status) && idea.authorId !== actor.participantId) throw new AppError('NOT_FOUND');
    return idea;
  }

  async view(manager: EntityManager, idea: Idea): Promise<IdeaView> {
    const author = await boardsRepository.findParticipant(manager, idea.authorId);
    const sources = await boardsRepository.mergedSources(manager, idea.id);
    return toIdeaView(idea, author?.displayName ?? '', sources.map((source) => ({ id: source.id, title: source.title })));
  }

  /** Saves the idea (new revision) and tells each audience what it may know. */
  async saveAndPublish(tx: Tx, ctx: BoardCtx, idea: Idea, wasPublic: boolean): Promise<IdeaView> {
    idea.rev += 1;
    const saved = await boardsRepository.saveIdea(tx.manager, idea);
    return this.publish(tx, ctx, saved, wasPublic);
  }

  async publish(tx: Tx, ctx: BoardCtx, idea: Idea, wasPublic: boolean): Promise<IdeaView> {
    const view = await this.view(tx.manager, idea);
    const body = { activityId: ctx.activity.id, idea: view };
    if (isPublicIdea(idea.status)) {
      await tx.publish('idea.updated', ctx.sessionId, body, { room: [...ctx.audience, rooms.staff(ctx.sessionId)] });
    } else {
      // Removal first: staff and the author, also in the audience, then get the full idea back.
      if (wasPublic) await tx.publish('idea.removed', ctx.sessionId, { activityId: ctx.activity.id, ideaId: idea.id }, { room: ctx.audience });
      await tx.publish('idea.updated', ctx.sessionId, body, { room: [rooms.staff(ctx.sessionId), rooms.participant(idea.authorId)] });
    }
    return view;
  }

  async publishComment(tx: Tx, ctx: BoardCtx, idea: Idea, comment: IdeaComment): Promise<ReturnType<typeof toCommentView>> {
    const author = await boardsRepository.findParticipant(tx.manager, comment.authorId);
    const view = toCommentView(comment, author?.displayName ?? '');
    const room = isPublicIdea(idea.status) ? [...ctx.audience, rooms.staff(ctx.sessionId)] : [rooms.staff(ctx.sessionId), rooms.participant(idea.authorId)];
    await tx.publish('comment.updated', ctx.sessionId, { activityId: ctx.activity.id, comment: view }, { room });
    return view;
  }
}
