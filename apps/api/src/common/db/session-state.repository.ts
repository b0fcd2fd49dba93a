import type { EntityManager } from 'typeorm';
import { returningRows } from '../../database/returning';

/** What a command needs to know about its sender's session and participant row, read in its transaction. */
export interface ParticipantRow {
  state: string;
  revoked: boolean;
  blocked: boolean;
  group_id: string | null;
  verified: boolean;
}

/** The columns of ParticipantRow, for queries joining `session s` and `participant p`. */
const PARTICIPANT_COLUMNS = 's.state, p.revoked_at IS NOT NULL AS revoked, p.blocked_at IS NOT NULL AS blocked, p.group_id, p.member_id IS NOT NULL AS verified';

/** The session rows the live protocol reads and writes: its version (the order of events) and its senders' state. */
export const sessionStateRepository = {
  /** Bumps the session's version (its row locked until the commit: versions follow commit order); null if no such session. */
  async bumpVersion(m: EntityManager, sessionId: string): Promise<number | null> {
    const rows = returningRows<{ version: number }>(await m.query('UPDATE session SET version = version + 1 WHERE id = $1 RETURNING version', [sessionId]));
    return rows[0]?.version ?? null;
  },

  /** The session's current version; null if no such session. */
  async version(m: EntityManager, sessionId: string): Promise<number | null> {
    const rows: { version: number }[] = await m.query('SELECT version FROM session WHERE id = $1', [sessionId]);
    return rows[0]?.version ?? null;
  },

  /** The sender's session state and participant row (undefined when either is gone). */
  async sender(m: EntityManager, sessionId: string, participantId: string): Promise<ParticipantRow | undefined> {
    const rows: ParticipantRow[] = await m.query(`SELECT ${PARTICIPANT_COLUMNS} FROM session s JOIN participant p ON p.session_id = s.id WHERE s.id = $1 AND p.id = $2`, [sessionId, participantId]);
    return rows[0];
  },

  /** The rows of many senders at once, each with its participant id. */
  async senders(m: EntityManager, senders: { session_id: string; participant_id: string }[]): Promise<(ParticipantRow & { participant_id: string })[]> {
    return m.query(
      `SELECT p.id AS participant_id, ${PARTICIPANT_COLUMNS}
           FROM jsonb_to_recordset($1::jsonb) AS k(session_id uuid, participant_id uuid)
           JOIN session s ON s.id = k.session_id JOIN participant p ON p.session_id = s.id AND p.id = k.participant_id`,
      [JSON.stringify(senders)],
    );
  },
};
