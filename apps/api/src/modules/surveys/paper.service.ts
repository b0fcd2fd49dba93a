import { Injectable } from '@nestjs/common';
import type { BallotValue, CommandPayload, PaperEntryView, PaperTotals } from '@palabre/contracts';
import { checkPaperConfirmation, checkPaperTotals, isSessionOpenForMembers } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { admitBallot, BallotsService, sessionQuestion } from './ballots.service';
import { LiveResultsService } from './live-results.service';

interface EntryRow {
  id: string;
  session_id: string;
  question_id: string;
  kind: 'named' | 'totals';
  member_id: string | null;
  member_name: string | null;
  value: BallotValue | null;
  totals: PaperTotals | null;
  voter_ids: string[];
  entered_by: string;
  entered_name: string;
  confirmed_by: string | null;
  confirmed_name: string | null;
}

const ENTRY_SELECT = `SELECT e.id, e.session_id, e.question_id, e.kind, e.member_id, m.display_name AS member_name, e.value, e.totals, e.voter_ids,
    e.entered_by, t.display_name AS entered_name, e.confirmed_by, c.display_name AS confirmed_name
  FROM paper_entry e LEFT JOIN participant m ON m.id = e.member_id JOIN participant t ON t.id = e.entered_by LEFT JOIN participant c ON c.id = e.confirmed_by`;

function toView(r: EntryRow): PaperEntryView {
  return {
    id: r.id, questionId: r.question_id, kind: r.kind, memberId: r.member_id, memberName: r.member_name, value: r.value, totals: r.totals,
    voterIds: r.voter_ids, enteredBy: r.entered_name, confirmedBy: r.confirmed_name,
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

  async enter(tx: Tx, actor: ParticipantActor, p: CommandPayload<'paper.enter'>): Promise<PaperEntryView> {
    const m = tx.manager;
    const question = await sessionQuestion(m, actor, p.questionId, false);
    let row: { kind: 'named' | 'totals'; memberId: string | null; value: BallotValue | null; totals: PaperTotals | null; voterIds: string[] };
    if (question.anonymity === 'named') {
      if (!p.memberId || !p.value || p.totals) throw new AppError('PAPER_NAMED_ONLY');
      const member = await this.member(m, actor.sessionId, p.memberId);
      // The same checks as the member's own ballot, now (and again at the confirmation).
      const { value } = admitBallot(question, member, { value: p.value }, await this.sessionState(m, actor.sessionId));
      row = { kind: 'named', memberId: p.memberId, value, totals: null, voterIds: [] };
    } else {
      if (p.memberId || p.value || !p.totals) throw new AppError('PAPER_NAMED_ONLY');
      const check = checkPaperTotals(question.config, p.totals);
      if (!check.ok) throw new AppError(check.code);
      for (const id of p.voterIds) await this.member(m, actor.sessionId, id);
      row = { kind: 'totals', memberId: null, value: null, totals: check.totals, voterIds: [...new Set(p.voterIds)] };
    }
    const inserted: { id: string }[] = await m.query(
      'INSERT INTO paper_entry (session_id, question_id, kind, member_id, value, totals, voter_ids, entered_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
      [actor.sessionId, question.id, row.kind, row.memberId, row.value === null ? null : JSON.stringify(row.value), row.totals === null ? null : JSON.stringify(row.totals), row.voterIds, actor.participantId],
    );
    await tx.audit(actor.sessionId, 'paper.entered', actor.participantId, { entryId: inserted[0].id, questionId: question.id, kind: row.kind, memberId: row.memberId, value: row.value, totals: row.totals, voterIds: row.voterIds });
    return this.published(tx, inserted[0].id);
  }

  async confirm(tx: Tx, actor: ParticipantActor, p: CommandPayload<'paper.confirm'>): Promise<PaperEntryView> {
    const m = tx.manager;
    const rows: EntryRow[] = await m.query(`${ENTRY_SELECT} WHERE e.id = $1 AND e.session_id = $2 FOR UPDATE OF e`, [p.entryId, actor.sessionId]);
    const entry = rows[0];
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
    await m.query('UPDATE paper_entry SET confirmed_by = $2, confirmed_at = now() WHERE id = $1', [entry.id, actor.participantId]);
    await tx.audit(actor.sessionId, 'paper.confirmed', actor.participantId, { entryId: entry.id, questionId: question.id });
    tx.afterCommit(() => this.results.touch(question.id));
    return this.published(tx, entry.id);
  }

  /** Snapshot part for staff: every paper entry of the session. */
  async entries(m: EntityManager, sessionId: string): Promise<PaperEntryView[]> {
    const rows: EntryRow[] = await m.query(`${ENTRY_SELECT} WHERE e.session_id = $1 ORDER BY e.created_at, e.id`, [sessionId]);
    return rows.map(toView);
  }

  private async published(tx: Tx, id: string): Promise<PaperEntryView> {
    const rows: EntryRow[] = await tx.manager.query(`${ENTRY_SELECT} WHERE e.id = $1`, [id]);
    const entry = toView(rows[0]);
    await tx.publish('paper.updated', rows[0].session_id, { entry }, { room: rooms.staff(rows[0].session_id) });
    return entry;
  }


  /** A member of the session as a voter (admitBallot checks eligibility and group on it). */
  private async member(m: EntityManager, sessionId: string, id: string): Promise<ParticipantActor> {
    const rows: { id: string; display_name: string; group_id: string | null; verified: boolean }[] = await m.query(
      "SELECT id, display_name, group_id, member_id IS NOT NULL AS verified FROM participant WHERE id = $1 AND session_id = $2 AND role = 'member' AND revoked_at IS NULL",
      [id, sessionId],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return { kind: 'participant', participantId: rows[0].id, sessionId, role: 'member', displayName: rows[0].display_name, groupId: rows[0].group_id, blocked: false, verified: rows[0].verified };
  }

  /** The staff account behind a session participant (two participants of one account are one person). */
  private async account(m: EntityManager, participantId: string): Promise<string> {
    const rows: { key: string }[] = await m.query('SELECT COALESCE(account_id::text, id::text) AS key FROM participant WHERE id = $1', [participantId]);
    return rows[0]?.key ?? participantId;
  }

  private async sessionState(m: EntityManager, sessionId: string): Promise<string> {
    const rows: { state: string }[] = await m.query('SELECT state FROM session WHERE id = $1', [sessionId]);
    return rows[0]?.state ?? 'closed';
  }
}
