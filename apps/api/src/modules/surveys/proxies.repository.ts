import type { BallotValue, ProxyRequestView } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { returningRows } from '../../database/returning';

/** A proxy with the names of its giver and holder. */
export interface ProxyRow {
  id: string;
  session_id: string;
  giver_id: string;
  giver_name: string;
  holder_id: string;
  holder_name: string;
  form_ref: string;
  lapsed_at: Date | null;
}

const PROXY_SELECT = `SELECT x.id, x.session_id, x.giver_id, g.display_name AS giver_name, x.holder_id, h.display_name AS holder_name, x.form_ref, x.lapsed_at
  FROM proxy x JOIN participant g ON g.id = x.giver_id JOIN participant h ON h.id = x.holder_id`;

/** A member's request to be represented, with the names of its giver and holder. */
export interface RequestRow {
  id: string;
  giver_id: string;
  giver_name: string;
  holder_id: string;
  holder_name: string;
  status: ProxyRequestView['status'];
}

const REQUEST_SELECT = `SELECT r.id, r.giver_id, g.display_name AS giver_name, r.holder_id, h.display_name AS holder_name, r.status
  FROM proxy_request r JOIN participant g ON g.id = r.giver_id JOIN participant h ON h.id = r.holder_id`;

/** A member of a session, with whether they joined in person. */
export interface SessionMember {
  id: string;
  name: string;
  present: boolean;
}

/** Proxies, proxy requests, the session's proxy settings and its members (ProxiesService, the roll call). */
export const proxiesRepository = {
  async saveSettings(m: EntityManager, sessionId: string, settingsJson: string): Promise<void> {
    await m.query("UPDATE session SET settings = jsonb_set(settings, '{proxies}', $2::jsonb) WHERE id = $1", [sessionId, settingsJson]);
  },

  /** The giver's live proxies lapse (they joined in person); their ids. */
  async lapseGiven(m: EntityManager, sessionId: string, giverId: string): Promise<{ id: string }[]> {
    return returningRows<{ id: string }>(
      await m.query(
        'UPDATE proxy SET lapsed_at = now() WHERE session_id = $1 AND giver_id = $2 AND lapsed_at IS NULL AND revoked_at IS NULL RETURNING id',
        [sessionId, giverId],
      ),
    );
  },

  async proxy(m: EntityManager, id: string): Promise<ProxyRow> {
    const rows: ProxyRow[] = await m.query(`${PROXY_SELECT} WHERE x.id = $1`, [id]);
    return rows[0];
  },

  /** The session's live proxies, if proxies are enabled. */
  liveIfEnabled(m: EntityManager, sessionId: string): Promise<{ giver_id: string; holder_id: string }[]> {
    return m.query(
      `SELECT x.giver_id, x.holder_id FROM proxy x JOIN session s ON s.id = x.session_id
      WHERE x.session_id = $1 AND x.lapsed_at IS NULL AND x.revoked_at IS NULL
        AND COALESCE((s.settings->'proxies'->>'enabled')::boolean, false)`,
      [sessionId],
    );
  },

  /** The session's live proxies. */
  live(m: EntityManager, sessionId: string): Promise<{ giver_id: string; holder_id: string }[]> {
    return m.query('SELECT giver_id, holder_id FROM proxy WHERE session_id = $1 AND lapsed_at IS NULL AND revoked_at IS NULL', [sessionId]);
  },

  /** The members of a session (role member, not revoked), in name order, with whether they joined in person. */
  members(m: EntityManager, sessionId: string): Promise<SessionMember[]> {
    return m.query(
      `SELECT id, display_name AS name, joined_at IS NOT NULL AS present FROM participant
      WHERE session_id = $1 AND role = 'member' AND revoked_at IS NULL ORDER BY display_name, id`,
      [sessionId],
    );
  },

  async insertProxy(m: EntityManager, sessionId: string, proxy: { giverId: string; holderId: string; formRef: string }, recordedBy: string): Promise<string> {
    const inserted: { id: string }[] = await m.query(
      'INSERT INTO proxy (session_id, giver_id, holder_id, form_ref, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [sessionId, proxy.giverId, proxy.holderId, proxy.formRef, recordedBy],
    );
    return inserted[0].id;
  },

  /** The session row FOR UPDATE: proxies are checked against every live one. */
  async lockSession(m: EntityManager, sessionId: string): Promise<void> {
    await m.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [sessionId]);
  },

  /** These participants of the session (not revoked), with their role and whether they are in the room (joined, or attendance confirmed). */
  people(m: EntityManager, sessionId: string, ids: readonly string[]): Promise<{ id: string; role: string; joined: boolean }[]> {
    return m.query(
      `SELECT p.id, p.role, (p.joined_at IS NOT NULL OR c.participant_id IS NOT NULL) AS joined
         FROM participant p LEFT JOIN attendance_confirmation c ON c.participant_id = p.id
        WHERE p.session_id = $1 AND p.id = ANY($2::uuid[]) AND p.revoked_at IS NULL`,
      [sessionId, ids],
    );
  },

  async hasPendingRequest(m: EntityManager, sessionId: string, giverId: string): Promise<boolean> {
    const pending: unknown[] = await m.query("SELECT 1 FROM proxy_request WHERE session_id = $1 AND giver_id = $2 AND status = 'pending'", [sessionId, giverId]);
    return pending.length > 0;
  },

  async insertRequest(m: EntityManager, sessionId: string, giverId: string, holderId: string): Promise<string> {
    const inserted: { id: string }[] = await m.query('INSERT INTO proxy_request (session_id, giver_id, holder_id) VALUES ($1, $2, $3) RETURNING id', [sessionId, giverId, holderId]);
    return inserted[0].id;
  },

  /** A request of the session, its row FOR UPDATE. */
  async lockRequest(m: EntityManager, requestId: string, sessionId: string): Promise<RequestRow | undefined> {
    const rows: RequestRow[] = await m.query(`${REQUEST_SELECT} WHERE r.id = $1 AND r.session_id = $2 FOR UPDATE OF r`, [requestId, sessionId]);
    return rows[0];
  },

  async decideRequest(m: EntityManager, requestId: string, status: 'approved' | 'declined', decidedBy: string): Promise<void> {
    await m.query('UPDATE proxy_request SET status = $2, decided_by = $3 WHERE id = $1', [requestId, status, decidedBy]);
  },

  async request(m: EntityManager, id: string): Promise<RequestRow> {
    const rows: RequestRow[] = await m.query(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
    return rows[0];
  },

  /** Revoke a proxy of the session; its id when it was live. */
  async revoke(m: EntityManager, proxyId: string, sessionId: string): Promise<{ id: string }[]> {
    return returningRows<{ id: string }>(
      await m.query('UPDATE proxy SET revoked_at = now() WHERE id = $1 AND session_id = $2 AND revoked_at IS NULL RETURNING id', [proxyId, sessionId]),
    );
  },

  /** The session's proxies not revoked, in giver name order: all of them, or those `participantId` gives or holds. */
  visible(m: EntityManager, sessionId: string, participantId: string | null): Promise<ProxyRow[]> {
    return m.query(
      `${PROXY_SELECT} WHERE x.session_id = $1 AND x.revoked_at IS NULL ${participantId === null ? '' : 'AND (x.giver_id = $2 OR x.holder_id = $2)'} ORDER BY g.display_name, x.id`,
      participantId === null ? [sessionId] : [sessionId, participantId],
    );
  },

  /** The proxy ballots a holder cast for these givers. */
  heldBallots(m: EntityManager, giverIds: readonly string[], holderId: string): Promise<{ participant_id: string; question_id: string; value: BallotValue }[]> {
    return m.query("SELECT participant_id, question_id, value FROM ballot WHERE participant_id = ANY($1::uuid[]) AND channel = 'proxy' AND cast_by = $2", [giverIds, holderId]);
  },

  /** Staff (`giverId` null): the session's pending requests; a member: their latest request. */
  visibleRequests(m: EntityManager, sessionId: string, giverId: string | null): Promise<RequestRow[]> {
    return m.query(
      giverId === null
        ? `${REQUEST_SELECT} WHERE r.session_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id`
        : `${REQUEST_SELECT} WHERE r.session_id = $1 AND r.giver_id = $2 ORDER BY r.created_at DESC, r.id LIMIT 1`,
      giverId === null ? [sessionId] : [sessionId, giverId],
    );
  },
};
