import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommandPayload, MySupports, SupportResult } from '@palabre/contracts';
import { addSupport, dotsLeft, isEligible, isStaffRole, removeSupport, resolveEligibility, type SupportRules } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import type { Board } from './board.entities';
import { boardsRepository } from './boards.repository';
import { BoardAccess } from './board-access';
import { SupportBroadcaster } from './support.broadcaster';

/** Supports and dots. Counts reach the rooms through the coalescing SupportBroadcaster. */
@Injectable()
export class SupportsService {
  constructor(
    private readonly access: BoardAccess,
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  async support(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.support'>): Promise<SupportResult> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    this.access.assertContributable(ctx, actor);
    await this.assertEligible(tx.manager, ctx.board, actor);
    // One member's supports are serialised (the dot budget spans the board), then the idea's.
    await boardsRepository.lockParticipant(tx.manager, actor.participantId);
    const idea = await this.access.lockIdea(tx, ctx, actor, payload.ideaId);
    if (idea.status !== 'visible') throw new AppError('IDEA_NOT_VISIBLE');
    const rules = rulesOf(ctx.board);
    const spent = await boardsRepository.spentDots(tx.manager, ctx.activity.id, actor.participantId);
    const current = await boardsRepository.findSupport(tx.manager, { ideaId: idea.id, participantId: actor.participantId });
    const outcome = addSupport(rules, spent, current?.dots ?? 0);
    if (!outcome.ok) throw new AppError(outcome.code);
    await boardsRepository.upsertSupport(tx.manager, idea.id, ctx.activity.id, actor.participantId, outcome.onIdea);
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, [idea.id]);
    return this.result(tx.manager, ctx.board, actor, idea.id);
  }

  /** Who may support: the board's choice, else the session's default (resolveEligibility); staff always may. */
  private async assertEligible(manager: EntityManager, board: Board, actor: ParticipantActor): Promise<void> {
    if (isStaffRole(actor.role)) return;
    const hasRoster = await boardsRepository.hasRoster(manager, board.sessionId);
    if (!isEligible(resolveEligibility(board.supportEligibility, hasRoster), { verified: actor.verified === true })) throw new AppError('NOT_ELIGIBLE');
  }

  async unsupport(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'idea.unsupport'>): Promise<SupportResult> {
    const ctx = await this.access.load(tx, actor, payload.activityId);
    if (ctx.state === 'locked') throw new AppError('BOARD_LOCKED');
    await boardsRepository.lockParticipant(tx.manager, actor.participantId);
    // A member may take back dots from an idea hidden since (it still counts in their budget).
    const current = await boardsRepository.findSupport(tx.manager, { ideaId: payload.ideaId, activityId: ctx.activity.id, participantId: actor.participantId });
    const idea = current ? { id: payload.ideaId } : await this.access.lockIdea(tx, ctx, actor, payload.ideaId);
    if (current) {
      const left = removeSupport(rulesOf(ctx.board), current.dots);
      if (left === 0) await boardsRepository.deleteSupport(tx.manager, current.id);
      else await boardsRepository.setSupportDots(tx.manager, current.id, left);
    }
    this.broadcaster.markAfterCommit(tx, ctx.activity.id, [idea.id]);
    return this.result(tx.manager, ctx.board, actor, idea.id);
  }

  async mine(manager: EntityManager, board: Board, participantId: string): Promise<MySupports> {
    const rows = await boardsRepository.memberSupports(manager, board.activityId, participantId);
    const spent = rows.reduce((sum, row) => sum + row.dots, 0);
    return { supports: rows.map((row) => ({ ideaId: row.ideaId, dots: row.dots })), dotsLeft: dotsLeft(rulesOf(board), spent) };
  }

  private async result(manager: EntityManager, board: Board, actor: ParticipantActor, ideaId: string): Promise<SupportResult> {
    const hidden = board.supportsHidden && !isStaffRole(actor.role);
    const [count] = hidden ? [null] : await boardsRepository.supportCounts(manager, board.activityId, [ideaId]);
    return { ideaId, count: count ?? null, mine: await this.mine(manager, board, actor.participantId) };
  }
}

export function rulesOf(board: Board): SupportRules {
  return { mode: board.supportMode, dotsPerMember: board.dotsPerMember, dotsPerIdeaMax: board.dotsPerIdeaMax };
}
