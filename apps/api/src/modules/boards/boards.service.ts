import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BoardConfig, type BoardsFeature, type BoardSnapshot, type BoardState, type BoardView, type CommandPayload } from '@palabre/contracts';
import { BOARD_TRANSITIONS, canTransition, columnIdsFor, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { ActivityKindContract } from '../sessions/activity-kinds';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import type { Activity } from '../sessions/activity.entity';
import { canSeeActivity, readReportBackOpen, readSessionActivities, readViewer } from '../sessions/audience';
import type { Board } from './board.entities';
import { BoardAccess, type BoardCtx } from './board-access';
import { BoardContentCache } from './board-content.cache';
import { boardsRepository } from './boards.repository';
import { SupportBroadcaster } from './support.broadcaster';
import { SupportsService } from './supports.service';
import { toBoardView } from './boards.views';

/** The board activity itself: creation, opening, lock, settings, and its part of the snapshot. */
@Injectable()
export class BoardsService {
  constructor(
    private readonly access: BoardAccess,
    private readonly supports: SupportsService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly broadcaster: SupportBroadcaster,
    private readonly content: BoardContentCache,
  ) {}

  readonly kind: Pick<ActivityKindContract, 'create' | 'remove'> = {
    create: async (tx, activity, config) => {
      const parsed = parseWith(BoardConfig, config ?? {});
      const ids = columnIdsFor(parsed.columns);
      const stored = { ...parsed, columns: parsed.columns.map((column, index) => ({ id: ids[index], title: column.title })) };
      await boardsRepository.insertBoard(tx.manager, { activityId: activity.id, sessionId: activity.sessionId, ...stored });
      return stored;
    },
    remove: async (tx, activity) => {
      await boardsRepository.deleteBoard(tx.manager, activity.id);
    },
  };

  open(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'board.open'>): Promise<BoardView> {
    return this.transition(tx, actor, payload.activityId, 'open');
  }

  lock(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'board.lock'>): Promise<BoardView> {
    return this.transition(tx, actor, payload.activityId, payload.locked ? 'locked' : 'open');
  }

  async settings(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'board.settings'>): Promise<BoardView> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    const board = ctx.board;
    const { activityId: _a, opId: _o, columns, ...rest } = payload;
    const modeChanges = (['supportMode', 'dotsPerMember', 'dotsPerIdeaMax'] as const).some((key) => rest[key] !== undefined && rest[key] !== board[key]);
    if (modeChanges && (await boardsRepository.hasSupports(tx.manager, board.activityId))) throw new AppError('BOARD_SUPPORTS_CAST');
    if (columns) {
      const ids = columnIdsFor(columns);
      const next = columns.map((column, index) => ({ id: ids[index], title: column.title }));
      const removed = board.columns.filter((column) => !ids.includes(column.id)).map((column) => column.id);
      if (removed.length > 0 && (await boardsRepository.ideasInColumns(tx.manager, board.activityId, removed))) throw new AppError('BOARD_COLUMN_IN_USE');
      board.columns = next;
    }
    const revealed = board.supportsHidden && rest.supportsHidden === false;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(board, { [key]: value });
    await boardsRepository.saveBoard(tx.manager, board);
    await tx.audit(ctx.sessionId, revealed ? 'board.supportsRevealed' : 'board.settings', actor.participantId, { activityId: board.activityId, changed: Object.keys(rest).concat(columns ? ['columns'] : []) });
    // Supports revealed: every idea's count goes out once committed.
    if (revealed) this.broadcaster.markAfterCommit(tx, board.activityId, 'all');
    return this.publishBoard(tx, ctx);
  }

  /**
   * The board commands open, lock and unlock through the activity lifecycle, like the agenda:
   * one path, whose hooks below store the board's state and tell its audience.
   */
  private async transition(tx: Tx, actor: ParticipantActor, activityId: string, to: BoardState): Promise<BoardView> {
    const ctx = await this.access.load(tx, actor, activityId);
    if (ctx.state === to) return toBoardView(ctx.board, ctx.state);
    if (!canTransition(BOARD_TRANSITIONS, ctx.state, to)) throw new AppError('INVALID_TRANSITION');
    const auditType = to === 'locked' ? 'board.locked' : ctx.state === 'draft' ? 'board.opened' : 'board.unlocked';
    if (to === 'locked') await this.lifecycle.close(tx, activityId, actor.participantId, auditType);
    else await this.lifecycle.open(tx, activityId, actor.participantId, auditType);
    return toBoardView(ctx.board, to);
  }

  /** Lifecycle hook (open, close = lock, reopen = unlock): stores the board's state and sends the board to its new audience. */
  async move(tx: Tx, activity: Activity, to: BoardState): Promise<BoardState> {
    const ctx = await this.access.context(tx, activity);
    await boardsRepository.setActivityState(tx.manager, activity.id, to);
    this.access.setState(ctx, to);
    await this.publishBoard(tx, ctx);
    return to;
  }

  private async publishBoard(tx: Tx, ctx: BoardCtx): Promise<BoardView> {
    const view = toBoardView(ctx.board, ctx.state);
    await tx.publish('board.updated', ctx.sessionId, { activityId: ctx.activity.id, board: view }, { room: [...ctx.audience, rooms.staff(ctx.sessionId)] });
    return view;
  }

  /** `features.boards`: every board the actor may see, with what the actor may see of it. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<BoardsFeature> {
    const staff = isStaffRole(actor.role);
    const me = await readViewer(manager, actor.participantId);
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const activities = await readSessionActivities(manager, actor.sessionId, 'board');
    const boards: Record<string, BoardSnapshot> = {};
    for (const activity of activities) {
      if (!canSeeActivity({ role: actor.role, groupId: me?.groupId ?? null }, activity, reportBackOpen)) continue;
      const board = await boardsRepository.findBoard(manager, activity.id);
      if (board) boards[activity.id] = await this.boardSnapshot(manager, actor, activity, board);
    }
    return { blocked: me?.blockedAt != null, boards };
  }

  private async boardSnapshot(manager: EntityManager, actor: ParticipantActor, activity: Activity, board: Board): Promise<BoardSnapshot> {
    const { ideas, comments, counts, ownIdeaIds } = await this.content.part(manager, board, { role: actor.role, participantId: actor.participantId });
    const hidden = board.supportsHidden && !isStaffRole(actor.role);
    return {
      board: toBoardView(board, activity.state),
      ideas,
      comments,
      counts: hidden ? null : counts,
      mine: { ...(await this.supports.mine(manager, board, actor.participantId)), ideaIds: ownIdeaIds },
    };
  }
}
