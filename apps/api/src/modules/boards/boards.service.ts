import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { BoardConfig, type BoardsFeature, type BoardSnapshot, type BoardState, type BoardView, type CommandPayload } from '@palabre/contracts';
import { BOARD_TRANSITIONS, canSeeIdea, canTransition, columnIdsFor, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { ActivityKindContract } from '../sessions/activity-kinds';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { parseWith } from '../../common/validation';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { Activity } from '../sessions/activity.entity';
import { canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { Participant } from '../sessions/participant.entity';
import { toActivitySummary } from '../sessions/views';
import { Board, Idea, IdeaComment, IdeaSupport } from './board.entity';
import { BoardStore, type BoardCtx } from './board-store';
import { SupportsService } from './supports.service';
import { toBoardView, toCommentView, toIdeaView } from './views';

/** The board activity itself: creation, opening, lock, settings, and its part of the snapshot. */
@Injectable()
export class BoardsService {
  constructor(
    private readonly store: BoardStore,
    private readonly supports: SupportsService,
    private readonly lifecycle: ActivityLifecycle,
  ) {}

  readonly kind: Pick<ActivityKindContract, 'create' | 'remove'> = {
    create: async (tx, activity, config) => {
      const parsed = parseWith(BoardConfig, config ?? {});
      const ids = columnIdsFor(parsed.columns);
      const stored = { ...parsed, columns: parsed.columns.map((c, i) => ({ id: ids[i], title: c.title })) };
      await tx.manager.getRepository(Board).insert({ activityId: activity.id, sessionId: activity.sessionId, ...stored });
      return stored;
    },
    remove: async (tx, activity) => {
      for (const entity of [IdeaComment, IdeaSupport, Idea, Board]) await tx.manager.getRepository(entity).delete({ activityId: activity.id });
    },
  };

  open(tx: Tx, actor: ParticipantActor, p: CommandPayload<'board.open'>): Promise<BoardView> {
    return this.transition(tx, actor, p.activityId, 'open');
  }

  lock(tx: Tx, actor: ParticipantActor, p: CommandPayload<'board.lock'>): Promise<BoardView> {
    return this.transition(tx, actor, p.activityId, p.locked ? 'locked' : 'open');
  }

  async settings(tx: Tx, actor: ParticipantActor, p: CommandPayload<'board.settings'>): Promise<{ view: BoardView; revealed: boolean }> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    const board = ctx.board;
    const { activityId: _a, opId: _o, columns, ...rest } = p;
    const modeChanges = (['supportMode', 'dotsPerMember', 'dotsPerIdeaMax'] as const).some((k) => rest[k] !== undefined && rest[k] !== board[k]);
    if (modeChanges && (await tx.manager.getRepository(IdeaSupport).existsBy({ activityId: board.activityId }))) throw new AppError('BOARD_SUPPORTS_CAST');
    if (columns) {
      const ids = columnIdsFor(columns);
      const next = columns.map((c, i) => ({ id: ids[i], title: c.title }));
      const removed = board.columns.filter((c) => !ids.includes(c.id)).map((c) => c.id);
      if (removed.length > 0 && (await tx.manager.getRepository(Idea).existsBy({ activityId: board.activityId, columnId: In(removed) }))) throw new AppError('BOARD_COLUMN_IN_USE');
      board.columns = next;
    }
    const revealed = board.supportsHidden && rest.supportsHidden === false;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(board, { [key]: value });
    await tx.manager.getRepository(Board).save(board);
    await tx.audit(ctx.sessionId, revealed ? 'board.supportsRevealed' : 'board.settings', actor.participantId, { activityId: board.activityId, changed: Object.keys(rest).concat(columns ? ['columns'] : []) });
    return { view: await this.publishBoard(tx, ctx), revealed };
  }

  /**
   * The board commands open, lock and unlock through the activity lifecycle, like the agenda:
   * one path, whose hooks below store the board's state and tell its audience.
   */
  private async transition(tx: Tx, actor: ParticipantActor, activityId: string, to: BoardState): Promise<BoardView> {
    const ctx = await this.store.load(tx, actor, activityId);
    if (ctx.state === to) return toBoardView(ctx.board, ctx.state);
    if (!canTransition(BOARD_TRANSITIONS, ctx.state, to)) throw new AppError('INVALID_TRANSITION');
    const auditType = to === 'locked' ? 'board.locked' : ctx.state === 'draft' ? 'board.opened' : 'board.unlocked';
    if (to === 'locked') await this.lifecycle.close(tx, activityId, actor.participantId, auditType);
    else await this.lifecycle.open(tx, activityId, actor.participantId, auditType);
    return toBoardView(ctx.board, to);
  }

  /** Lifecycle hook (open, close = lock, reopen = unlock): stores the board's state and sends the board to its new audience. */
  async move(tx: Tx, activity: Activity, to: BoardState): Promise<BoardState> {
    const ctx = await this.store.context(tx, activity);
    await tx.manager.getRepository(Activity).update(activity.id, { state: to });
    this.store.setState(ctx, to);
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
    const me = await manager.getRepository(Participant).findOneBy({ id: actor.participantId });
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const activities = await manager.getRepository(Activity).find({ where: { sessionId: actor.sessionId, kind: 'board' }, order: { position: 'ASC' } });
    const boards: Record<string, BoardSnapshot> = {};
    for (const activity of activities) {
      if (!canSeeActivity({ role: actor.role, groupId: me?.groupId ?? null }, activity, reportBackOpen)) continue;
      const board = await manager.getRepository(Board).findOneBy({ activityId: activity.id });
      if (board) boards[activity.id] = await this.boardSnapshot(manager, actor, activity, board);
    }
    return { blocked: me?.blockedAt != null, boards };
  }

  private async boardSnapshot(manager: EntityManager, actor: ParticipantActor, activity: Activity, board: Board): Promise<BoardSnapshot> {
    const viewer = { role: actor.role, participantId: actor.participantId };
    const all = await manager.getRepository(Idea).find({ where: { activityId: activity.id }, order: { createdAt: 'ASC' } });
    const ideas = all.filter((i) => canSeeIdea(viewer, i));
    const seen = new Set(ideas.map((i) => i.id));
    const comments = (await manager.getRepository(IdeaComment).find({ where: { activityId: activity.id }, order: { createdAt: 'ASC' } })).filter((c) => seen.has(c.ideaId));
    const names = await this.store.authorNames(manager, [...ideas.map((i) => i.authorId), ...comments.map((c) => c.authorId)]);
    const hidden = board.supportsHidden && !isStaffRole(actor.role);
    const counts = hidden ? null : (await this.supports.counts(manager, activity.id)).filter((c) => seen.has(c.ideaId));
    return {
      board: toBoardView(board, activity.state),
      ideas: ideas.map((i) =>
        toIdeaView(
          i,
          names.get(i.authorId) ?? '',
          all.filter((s) => s.mergedInto === i.id).map((s) => ({ id: s.id, title: s.title })),
        ),
      ),
      comments: comments.map((c) => toCommentView(c, names.get(c.authorId) ?? '')),
      counts,
      mine: { ...(await this.supports.mine(manager, board, actor.participantId)), ideaIds: all.filter((i) => i.authorId === actor.participantId).map((i) => i.id) },
    };
  }
}
