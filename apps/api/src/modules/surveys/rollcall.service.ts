import { Injectable } from '@nestjs/common';
import type { BallotChannel, CommandPayload, QuestionVoters, RollCallProgress } from '@palabre/contracts';
import { checkRollCall, rollCallOrder, rollCallProgress, rollStatus } from '@palabre/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { ballotsRepository } from './ballots.repository';
import { sessionQuestion } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import { sessionMembers } from './proxies.service';
import { namedChannels, readRollCall, readRollCallProgress } from './rollcall-progress';

/**
 * Roll call (« appel nominal ») and the console's list of who already voted (docs/proxies.md).
 * Answers are assisted ballots written by BallotBatcher (the one ballot path); this service keeps
 * the roll (started, passed members) and reads who voted, for staff only.
 */
@Injectable()
export class RollCallService {
  constructor(
    private readonly db: DataSource,
    private readonly results: LiveResultsService,
  ) {}

  async start(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'rollcall.start'>): Promise<RollCallProgress> {
    const m = tx.manager;
    const question = await sessionQuestion(m, actor, payload.questionId, true);
    const refusal = checkRollCall(question.config, question.anonymity);
    if (refusal) throw new AppError(refusal);
    if (question.state !== 'open') throw new AppError(question.state === 'draft' ? 'QUESTION_NOT_OPEN' : 'VOTING_CLOSED');
    const inserted = await ballotsRepository.startRollCall(m, question.id, actor.sessionId, actor.participantId);
    // Resuming a roll call already started (another console, a reload) changes nothing.
    if (inserted.length > 0) await tx.audit(actor.sessionId, 'rollcall.started', actor.participantId, { questionId: question.id });
    tx.afterCommit(() => this.results.mark(question.id));
    return this.progress(m, actor.sessionId, question.id);
  }

  async pass(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'rollcall.pass'>): Promise<RollCallProgress> {
    const m = tx.manager;
    await sessionQuestion(m, actor, payload.questionId, false);
    const members = await sessionMembers(m, actor.sessionId);
    if (!members.some((x) => x.id === payload.memberId)) throw new AppError('NOT_FOUND');
    const updated = await ballotsRepository.passRollCall(m, payload.questionId, payload.memberId);
    if (updated.length === 0 && !(await readRollCall(m, payload.questionId))) throw new AppError('ROLLCALL_NOT_STARTED');
    await tx.audit(actor.sessionId, 'rollcall.passed', actor.participantId, { questionId: payload.questionId, memberId: payload.memberId });
    tx.afterCommit(() => this.results.mark(payload.questionId));
    return this.progress(m, actor.sessionId, payload.questionId);
  }

  /**
   * Staff: the session's members in roster order with whether and how they voted on a question,
   * so a teller does not enter a paper ballot for a member who voted on their phone. Never what
   * they voted; on an anonymous question only the paper voters (whom staff entered themselves).
   * Staff only: the route's roles (libs/domain `ROUTE_RULES`).
   */
  async voters(actor: ParticipantActor, questionId: string): Promise<QuestionVoters> {
    const m = this.db.manager;
    const question = await sessionQuestion(m, actor, questionId, false);
    const anonymous = question.anonymity === 'anonymous';
    const channels = anonymous ? await this.paperVoters(m, question.id) : await namedChannels(m, question.id);
    const passed = await readRollCall(m, question.id);
    const members = rollCallOrder(await sessionMembers(m, actor.sessionId));
    const voters = members.map((x) => {
      const status = rollStatus(x.id, channels, passed ?? new Set());
      return { memberId: x.id, name: x.name, present: x.present, channel: status.kind === 'voted' ? status.channel : null, passed: status.kind === 'passed' };
    });
    const progress = passed ? rollCallProgress(members, channels, passed) : null;
    return { questionId: question.id, anonymous, voters, rollCall: progress ? { called: progress.called, total: progress.total } : null };
  }

  private async paperVoters(m: EntityManager, questionId: string): Promise<Map<string, BallotChannel>> {
    const rows = await ballotsRepository.paperVoters(m, questionId);
    return new Map(rows.map((r) => [r.participant_id, 'paper' as const]));
  }

  private async progress(m: EntityManager, sessionId: string, questionId: string): Promise<RollCallProgress> {
    const progress = await readRollCallProgress(m, sessionId, questionId);
    return { called: progress?.called ?? 0, total: progress?.total ?? 0 };
  }

}
