import type { BallotValue, PaperTotals } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';

/** A paper entry with the names of its member, teller and confirming staff. */
export interface EntryRow {
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

/** Paper entries (PaperService) and what their checks read of participants and sessions. */
export const paperRepository = {
  /** A new entry, not yet confirmed; its id. */
  async insertEntry(
    m: EntityManager,
    entry: { sessionId: string; questionId: string; kind: 'named' | 'totals'; memberId: string | null; value: BallotValue | null; totals: PaperTotals | null; voterIds: string[]; enteredBy: string },
  ): Promise<string> {
    const inserted: { id: string }[] = await m.query(
      'INSERT INTO paper_entry (session_id, question_id, kind, member_id, value, totals, voter_ids, entered_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
      [entry.sessionId, entry.questionId, entry.kind, entry.memberId, entry.value === null ? null : JSON.stringify(entry.value), entry.totals === null ? null : JSON.stringify(entry.totals), entry.voterIds, entry.enteredBy],
    );
    return inserted[0].id;
  },

  /** An entry of the session, its row FOR UPDATE. */
  async lockEntry(m: EntityManager, entryId: string, sessionId: string): Promise<EntryRow | undefined> {
    const rows: EntryRow[] = await m.query(`${ENTRY_SELECT} WHERE e.id = $1 AND e.session_id = $2 FOR UPDATE OF e`, [entryId, sessionId]);
    return rows[0];
  },

  async confirmEntry(m: EntityManager, entryId: string, confirmedBy: string): Promise<void> {
    await m.query('UPDATE paper_entry SET confirmed_by = $2, confirmed_at = now() WHERE id = $1', [entryId, confirmedBy]);
  },

  /** Every entry of a session, in entry order. */
  sessionEntries(m: EntityManager, sessionId: string): Promise<EntryRow[]> {
    return m.query(`${ENTRY_SELECT} WHERE e.session_id = $1 ORDER BY e.created_at, e.id`, [sessionId]);
  },

  async entry(m: EntityManager, entryId: string): Promise<EntryRow> {
    const rows: EntryRow[] = await m.query(`${ENTRY_SELECT} WHERE e.id = $1`, [entryId]);
    return rows[0];
  },

  /** A member of the session (role member, not revoked) as a paper voter. */
  async member(m: EntityManager, sessionId: string, id: string): Promise<{ id: string; display_name: string; group_id: string | null; verified: boolean } | undefined> {
    const rows: { id: string; display_name: string; group_id: string | null; verified: boolean }[] = await m.query(
      "SELECT id, display_name, group_id, member_id IS NOT NULL AS verified FROM participant WHERE id = $1 AND session_id = $2 AND role = 'member' AND revoked_at IS NULL",
      [id, sessionId],
    );
    return rows[0];
  },

  /** The staff account behind a participant (its own id without one). */
  async accountKey(m: EntityManager, participantId: string): Promise<string | undefined> {
    const rows: { key: string }[] = await m.query('SELECT COALESCE(account_id::text, id::text) AS key FROM participant WHERE id = $1', [participantId]);
    return rows[0]?.key;
  },

  async sessionState(m: EntityManager, sessionId: string): Promise<string | undefined> {
    const rows: { state: string }[] = await m.query('SELECT state FROM session WHERE id = $1', [sessionId]);
    return rows[0]?.state;
  },
};
