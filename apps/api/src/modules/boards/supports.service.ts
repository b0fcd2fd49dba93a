import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommandPayload, MySupports, SupportCount, SupportResult } from '@palabre/contracts';
import { addSupport, dotsLeft, isEligible, isStaffRole, removeSupport, resolveEligibility, type SupportRules } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import type { Board } from './board.entity';
import { IdeaSupport } from './board.entity';
import { SupportBroadcaster } from './support-broadcaster';
import { BoardStore } from './board-store';

/** Supports and dots. Counts reach the rooms through the coalescing SupportBroadcaster. */
@Injectable()
export class SupportsService {
  constructor(
    private readonly store: BoardStore,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  async support(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.support'>): Promise<SupportResult> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    this.store.assertContributable(ctx, actor);
    await this.assertEligible(tx.manager, ctx.board, actor);
    // One member's supports are serialised (the dot budget spans the board), then the idea's.
    await tx.manager.query('SELECT 1 FROM participant WHERE id = $1 FOR UPDATE', [actor.participantId]);
    const idea = await this.store.lockIdea(tx, ctx, actor, p.ideaId);
    if (idea.status !== 'visible') throw new AppError('IDEA_NOT_VISIBLE');
    const rules = rulesOf(ctx.board);
    const spent = await this.spent(tx.manager, ctx.activity.id, actor.participantId);
    const current = await tx.manager.getRepository(IdeaSupport).findOneBy({ ideaId: idea.id, participantId: actor.participantId });
    const outcome = addSupport(rules, spent, current?.dots ?? 0);
    if (!outcome.ok) throw new AppError(outcome.code);
    await tx.manager.query(
      `INSERT INTO idea_support (idea_id, activity_id, participant_id, dots) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idea_id, participant_id) DO UPDATE SET dots = EXCLUDED.dots`,
      [idea.id, ctx.activity.id, actor.participantId, outcome.onIdea],
    );
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, [idea.id]);
    return this.result(tx.manager, ctx.board, actor, idea.id);
  }

  /** Who may support: the board's choice, else the session's default (resolveEligibility); staff always may. */
  private async assertEligible(manager: EntityManager, board: Board, actor: ParticipantActor): Promise<void> {
    if (isStaffRole(actor.role)) return;
    const rows: { has_roster: boolean }[] = await manager.query('SELECT EXISTS (SELECT 1 FROM participant WHERE session_id = $1 AND member_id IS NOT NULL) AS has_roster', [board.sessionId]);
    if (!isEligible(resolveEligibility(board.supportEligibility, rows[0]?.has_roster === true), { verified: actor.verified === true })) throw new AppError('NOT_ELIGIBLE');
  }

  async unsupport(tx: Tx, actor: ParticipantActor, p: CommandPayload<'idea.unsupport'>): Promise<SupportResult> {
    const ctx = await this.store.load(tx, actor, p.activityId);
    if (ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    await tx.manager.query('SELECT 1 FROM participant WHERE id = $1 FOR UPDATE', [actor.participantId]);
    // A member may take back dots from an idea hidden since (it still counts in their budget).
    const repo = tx.manager.getRepository(IdeaSupport);
    const current = await repo.findOneBy({ ideaId: p.ideaId, activityId: ctx.activity.id, participantId: actor.participantId });
    const idea = current ? { id: p.ideaId } : await this.store.lockIdea(tx, ctx, actor, p.ideaId);
    if (current) {
      const left = removeSupport(rulesOf(ctx.board), current.dots);
      if (left === 0) await repo.delete(current.id);
      else await repo.update(current.id, { dots: left });
    }
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, [idea.id]);
    return this.result(tx.manager, ctx.board, actor, idea.id);
  }

  async mine(manager: EntityManager, board: Board, participantId: string): Promise<MySupports> {
    const rows = await manager.getRepository(IdeaSupport).find({ where: { activityId: board.activityId, participantId }, select: { ideaId: true, dots: true } });
    const spent = rows.reduce((sum, r) => sum + r.dots, 0);
    return { supports: rows.map((r) => ({ ideaId: r.ideaId, dots: r.dots })), dotsLeft: dotsLeft(rulesOf(board), spent) };
  }

  private async spent(manager: EntityManager, activityId: string, participantId: string): Promise<number> {
    const rows: { spent: number }[] = await manager.query('SELECT COALESCE(SUM(dots), 0)::int AS spent FROM idea_support WHERE activity_id = $1 AND participant_id = $2', [
      activityId,
      participantId,
    ]);
    return rows[0]?.spent ?? 0;
  }

  private async result(manager: EntityManager, board: Board, actor: ParticipantActor, ideaId: string): Promise<SupportResult> {
    const hidden = board.supportsHidden && !isStaffRole(actor.role);
    const [count] = hidden ? [null] : await this.store.counts(manager, board.activityId, [ideaId]);
    return { ideaId, count: count ?? null, mine: await this.mine(manager, board, actor.participantId) };
  }
}

export function rulesOf(board: Board): SupportRules {
  return { mode: board.supportMode, dotsPerMember: board.dotsPerMember, dotsPerIdeaMax: board.dotsPerIdeaMax };
}
