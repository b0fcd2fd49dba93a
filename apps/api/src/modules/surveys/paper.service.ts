import { Injectable } from '@nestjs/common';
import type { BallotValue, CommandPayload, PaperEntryView, PaperTotals } from '@palabre/contracts';
import { checkPaperConfirmation, checkPaperTotals, isSessionOpenForMembers } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { admitBallot, BallotsService, sessionQuestion } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import { paperRepository, type EntryRow } from './paper.repository';

function toView(row: EntryRow): PaperEntryView {
  return {
    id: row.id, questionId: row.question_id, kind: row.kind, memberId: row.member_id, memberName: row.member_name, value: row.value, totals: row.totals,
    voterIds: row.voter_ids, enteredBy: row.entered_name, confirmedBy: row.confirmed_name,
  };
}

/**
 * Paper ballots (« bulletins papier »): a teller enters them, a second staff account confirms;
 * only then are they written, through the same admission (`admitBallot`) and writer
 * (`BallotsService.castMany`, channel `paper`) as every ballot. Named surveys take named paper
 * ballots; anonymous ones take per-option totals with the list of members who voted on paper
 * (their receipts: they can no longer vote in the app, nor be counted twice).
 */
@Injectable()
export class PaperService {
  constructor(
    private readonly ballots: BallotsService,
    private readonly results: LiveResultsService,
  ) {}

  async enter(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'paper.enter'>): Promise<PaperEntryView> {
    const m = tx.manager;
    const question = await sessionQuestion(m, actor, payload.questionId, false);
    let row: { kind: 'named' | 'totals'; memberId: string | null; value: BallotValue | null; totals: PaperTotals | null; voterIds: string[] };
    if (question.anonymity === 'named') {
      if (!payload.memberId || !payload.value || payload.totals) throw new AppError('PAPER_NAMED_ONLY');
      const member = await this.member(m, actor.sessionId, payload.memberId);
      // The same checks as the member's own ballot, now (and again at the confirmation).
      const { value } = admitBallot(question, member, { value: payload.value }, await this.sessionState(m, actor.sessionId));
      row = { kind: 'named', memberId: payload.memberId, value, totals: null, voterIds: [] };
    } else {
      if (payload.memberId || payload.value || !payload.totals) throw new AppError('PAPER_NAMED_ONLY');
      const check = checkPaperTotals(question.config, payload.totals);
      if (!check.ok) throw new AppError(check.code);
      for (const id of payload.voterIds) await this.member(m, actor.sessionId, id);
      row = { kind: 'totals', memberId: null, value: null, totals: check.totals, voterIds: [...new Set(payload.voterIds)] };
    }
    const entryId = await paperRepository.insertEntry(m, { sessionId: actor.sessionId, questionId: question.id, ...row, enteredBy: actor.participantId });
    await tx.audit(actor.sessionId, 'paper.entered', actor.participantId, { entryId, questionId: question.id, kind: row.kind, memberId: row.memberId, value: row.value, totals: row.totals, voterIds: row.voterIds });
    return this.published(tx, entryId);
  }

  async confirm(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'paper.confirm'>): Promise<PaperEntryView> {
    const m = tx.manager;
    const entry = await paperRepository.lockEntry(m, payload.entryId, actor.sessionId);
    if (!entry) throw new AppError('NOT_FOUND');
    if (entry.confirmed_by) throw new AppError('PAPER_ALREADY_CONFIRMED');
    const refusal = checkPaperConfirmation(await this.account(m, entry.entered_by), await this.account(m, actor.participantId));
    if (refusal) throw new AppError(refusal);
    // The question FOR SHARE, like a ballot batch: a close waits for this, or this sees it closed.
    const question = await sessionQuestion(m, actor, entry.question_id, true);
    if (entry.kind === 'named' && entry.member_id && entry.value) {
      const member = await this.member(m, actor.sessionId, entry.member_id);
      const { value } = admitBallot(question, member, { value: entry.value }, await this.sessionState(m, actor.sessionId));
      const [written] = await this.ballots.castMany(m, [{ questionId: question.id, activityId: question.activity_id, participantId: member.participantId, anonymity: 'named', value, channel: 'paper', castBy: entry.entered_by }]);
      if (written instanceof AppError) throw written;
    } else {
      if (!isSessionOpenForMembers((await this.sessionState(m, actor.sessionId)) as never)) throw new AppError('SESSION_NOT_OPEN');
      if (question.state !== 'open') throw new AppError(question.state === 'draft' ? 'QUESTION_NOT_OPEN' : 'VOTING_CLOSED');
      const refused = await this.ballots.paperReceipts(m, question.id, entry.voter_ids, entry.entered_by);
      if (refused) throw refused;
    }
    await paperRepository.confirmEntry(m, entry.id, actor.participantId);
    await tx.audit(actor.sessionId, 'paper.confirmed', actor.participantId, { entryId: entry.id, questionId: question.id });
    tx.afterCommit(() => this.results.mark(question.id));
    return this.published(tx, entry.id);
  }

  /** Snapshot part for staff: every paper entry of the session. */
  async entries(m: EntityManager, sessionId: string): Promise<PaperEntryView[]> {
    const rows = await paperRepository.sessionEntries(m, sessionId);
    return rows.map(toView);
  }

  private async published(tx: Tx, id: string): Promise<PaperEntryView> {
    const row = await paperRepository.entry(tx.manager, id);
    const entry = toView(row);
    await tx.publish('paper.updated', row.session_id, { entry }, { room: rooms.staff(row.session_id) });
    return entry;
  }


  /** A member of the session as a voter (admitBallot checks eligibility and group on it). */
  private async member(m: EntityManager, sessionId: string, id: string): Promise<ParticipantActor> {
    const row = await paperRepository.member(m, sessionId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return { kind: 'participant', participantId: row.id, sessionId, role: 'member', displayName: row.display_name, groupId: row.group_id, blocked: false, verified: row.verified };
  }

  /** The staff account behind a session participant (two participants of one account are one person). */
  private async account(m: EntityManager, participantId: string): Promise<string> {
    return (await paperRepository.accountKey(m, participantId)) ?? participantId;
  }

  private async sessionState(m: EntityManager, sessionId: string): Promise<string> {
    return (await paperRepository.sessionState(m, sessionId)) ?? 'closed';
  }
}
