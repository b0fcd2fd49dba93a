import type { EntityManager } from 'typeorm';
import type { FloorRequestView, FloorStance } from '@palabre/contracts';
import { returningRows } from '../../database/returning';
import { Activity } from '../sessions/activity.entity';

/** A request as the list reads it (snake_case columns, the countdown's running time computed). */
export interface FloorRow {
  id: string;
  session_id: string;
  activity_id: string;
  participant_id: string | null;
  name: string;
  gender: FloorRequestView['gender'];
  category: FloorRequestView['category'];
  territory: string | null;
  territory_type: FloorRequestView['territoryType'];
  stance: FloorRequestView['stance'];
  remote: boolean;
  priority: boolean;
  state: FloorRequestView['state'];
  seq: string;
  pinned: number | null;
  spoken_ms: number;
  duration_ms: number;
  /** Milliseconds the running countdown has run since it was last started (null when paused). */
  running_ms: number | null;
  heard_rank: number | null;
}

/** A speaker's name and, for a roster member, what balance needs to know. */
export interface Profile {
  name: string;
  gender: string | null;
  category: string | null;
  perimeter: string | null;
  territory_type: string | null;
}

/** A new request: the speaker's profile copied from the roster (or given by staff). */
export type NewRequest = Profile & { participantId: string | null; stance: FloorStance | null; remote: boolean; priority: boolean; addedBy: string | null };

export interface FloorActivityRow {
  id: string;
  session_id: string;
  group_id: string | null;
  state: string;
  config: unknown;
}

export interface OutcomeRequestRow {
  id: string;
  activity_id: string;
  name: string;
  gender: string | null;
  category: string | null;
  territory_type: string | null;
  remote: boolean;
  state: string;
  spoken_ms: number;
  heard_rank: number | null;
  seq: string;
}
export interface PresentRow {
  gender: string | null;
  category: string | null;
  territory_type: string | null;
}
export interface OverrideRow {
  activity_id: string;
  kind: 'move' | 'give';
  position: number | null;
  name: string;
  author: string;
}

const FLOOR_SELECT = `SELECT r.id, r.session_id, r.activity_id, r.participant_id, r.name, r.gender, r.category, r.territory, r.territory_type,
  r.stance, r.remote, r.priority, r.state, r.seq, r.pinned, r.spoken_ms, r.duration_ms, r.heard_rank,
  CASE WHEN r.running_since IS NULL THEN NULL ELSE floor(extract(epoch FROM (now() - r.running_since)) * 1000)::int END AS running_ms
  FROM floor_request r`;

/** What elapsed on a running countdown, added to the recorded speaking time. */
const ELAPSED = `CASE WHEN running_since IS NULL THEN 0 ELSE floor(extract(epoch FROM (now() - running_since)) * 1000)::int END`;

/** The statement of each kind of override (the kind is a literal of the SQL, as written by hand). */
const INSERT_OVERRIDE = {
  move: `INSERT INTO floor_override (activity_id, request_id, kind, position, author_id) VALUES ($1, $2, 'move', $3, $4)`,
  give: `INSERT INTO floor_override (activity_id, request_id, kind, position, author_id) VALUES ($1, $2, 'give', $3, $4)`,
} as const;

const SET_DEMO_STATE = {
  open: `UPDATE activity SET state = 'open' WHERE id = $1`,
  draft: `UPDATE activity SET state = 'draft' WHERE id = $1`,
} as const;

/** The floor module's SQL (its one place for it). */
export const floorRepository = {
  /** A list's requests in arrival order, the withdrawn ones left out. */
  async listRows(m: EntityManager, activityId: string): Promise<FloorRow[]> {
    return m.query(`${FLOOR_SELECT} WHERE r.activity_id = $1 AND r.state <> 'withdrawn' ORDER BY r.seq`, [activityId]);
  },

  /** One request of the session (`lock`: its row FOR UPDATE), or null. */
  async request(m: EntityManager, sessionId: string, id: string, lock = false): Promise<FloorRow | null> {
    const rows: FloorRow[] = await m.query(`${FLOOR_SELECT} WHERE r.id = $1 AND r.session_id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [id, sessionId]);
    return rows[0] ?? null;
  },

  /** Speaking time recorded so far in the session, by participant (ended turns and the current one). */
  async spokenInSession(m: EntityManager, sessionId: string): Promise<Map<string, number>> {
    const rows: { participant_id: string; ms: number }[] = await m.query(
      'SELECT participant_id, sum(spoken_ms)::int AS ms FROM floor_request WHERE session_id = $1 AND participant_id IS NOT NULL GROUP BY participant_id',
      [sessionId],
    );
    return new Map(rows.map((row) => [row.participant_id, Number(row.ms)]));
  },

  /** The request of this participant still waiting (or speaking) in the list, if any. */
  async pendingRequest(m: EntityManager, activityId: string, participantId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM floor_request WHERE activity_id = $1 AND participant_id = $2 AND state IN ('waiting', 'speaking')`, [activityId, participantId]);
    return rows[0]?.id ?? null;
  },

  /** The person's name and, for a roster member, their profile; null if not a live participant of the session. */
  async profile(m: EntityManager, sessionId: string, participantId: string): Promise<Profile | null> {
    const rows: Profile[] = await m.query(
      `SELECT coalesce(m.name, p.display_name) AS name, m.gender, m.category, m.perimeter, m.territory_type
         FROM participant p LEFT JOIN member m ON m.id = p.member_id WHERE p.id = $1 AND p.session_id = $2 AND p.revoked_at IS NULL`,
      [participantId, sessionId],
    );
    return rows[0] ?? null;
  },

  async insertRequest(m: EntityManager, activity: { id: string; sessionId: string }, request: NewRequest): Promise<string> {
    const rows = returningRows<{ id: string }>(
      await m.query(
        `INSERT INTO floor_request (session_id, activity_id, participant_id, name, gender, category, territory, territory_type, stance, remote, priority, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [activity.sessionId, activity.id, request.participantId, request.name, request.gender, request.category, request.perimeter, request.territory_type, request.stance, request.remote, request.priority, request.addedBy],
      ),
    );
    return rows[0].id;
  },

  async withdraw(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE floor_request SET state = 'withdrawn', pinned = NULL WHERE id = $1`, [id]);
  },

  async setPinned(m: EntityManager, id: string, position: number | null): Promise<void> {
    await m.query('UPDATE floor_request SET pinned = $2 WHERE id = $1', [id, position]);
  },

  /** A facilitator's override, for the fairness report. */
  async insertOverride(m: EntityManager, activityId: string, requestId: string, kind: 'move' | 'give', position: number | null, authorId: string): Promise<void> {
    await m.query(INSERT_OVERRIDE[kind], [activityId, requestId, position, authorId]);
  },

  /** The request speaks: its countdown starts and it takes the next rank among those heard. */
  async giveFloor(m: EntityManager, activityId: string, id: string, durationMs: number): Promise<void> {
    await m.query(
      `UPDATE floor_request SET state = 'speaking', pinned = NULL, duration_ms = $2, running_since = now(),
              heard_rank = (SELECT coalesce(max(heard_rank), 0) + 1 FROM floor_request WHERE activity_id = $3)
        WHERE id = $1`,
      [id, durationMs, activityId],
    );
  },

  /** Moved requests behind the given position move up by one (never above the head). */
  async shiftPinnedAfter(m: EntityManager, activityId: string, position: number): Promise<void> {
    await m.query(`UPDATE floor_request SET pinned = greatest(pinned - 1, 1) WHERE activity_id = $1 AND state = 'waiting' AND pinned > $2`, [activityId, position]);
  },

  /** The list's speaker, its row locked FOR UPDATE, or null. */
  async lockSpeaker(m: EntityManager, activityId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM floor_request WHERE activity_id = $1 AND state = 'speaking' FOR UPDATE`, [activityId]);
    return rows[0]?.id ?? null;
  },

  async startTimer(m: EntityManager, id: string): Promise<void> {
    await m.query('UPDATE floor_request SET running_since = coalesce(running_since, now()) WHERE id = $1', [id]);
  },

  async pauseTimer(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE floor_request SET spoken_ms = spoken_ms + ${ELAPSED}, running_since = NULL WHERE id = $1`, [id]);
  },

  async extendTimer(m: EntityManager, id: string, ms: number): Promise<void> {
    await m.query('UPDATE floor_request SET duration_ms = duration_ms + $2 WHERE id = $1', [id, ms]);
  },

  /** The speaker's turn ends: the elapsed time recorded, the request done. */
  async endTurn(m: EntityManager, activityId: string): Promise<void> {
    await m.query(`UPDATE floor_request SET spoken_ms = spoken_ms + ${ELAPSED}, running_since = NULL, state = 'done' WHERE activity_id = $1 AND state = 'speaking'`, [activityId]);
  },

  /** The list's activity with its session's version (what a broadcast needs), or null. */
  async listActivity(m: EntityManager, activityId: string): Promise<(Omit<FloorActivityRow, 'id'> & { version: number }) | null> {
    const rows: (Omit<FloorActivityRow, 'id'> & { version: number })[] = await m.query(
      'SELECT a.session_id, a.group_id, a.state, a.config, s.version FROM activity a JOIN session s ON s.id = a.session_id WHERE a.id = $1',
      [activityId],
    );
    return rows[0] ?? null;
  },

  /** The activity's state and settings, its row locked FOR UPDATE (every change to a list takes this lock). */
  async lockActivity(m: EntityManager, activityId: string): Promise<{ state: string; config: unknown } | null> {
    const rows: { state: string; config: unknown }[] = await m.query('SELECT state, config FROM activity WHERE id = $1 FOR UPDATE', [activityId]);
    return rows[0] ?? null;
  },

  async openActivity(m: EntityManager, activityId: string): Promise<void> {
    await m.getRepository(Activity).update(activityId, { state: 'open' });
  },

  /** A draft list's requests and overrides. */
  async deleteList(m: EntityManager, activityId: string): Promise<void> {
    await m.query('DELETE FROM floor_override WHERE activity_id = $1', [activityId]);
    await m.query('DELETE FROM floor_request WHERE activity_id = $1', [activityId]);
  },

  /** The session's lists for the outcomes, in agenda order. */
  async outcomeLists(m: EntityManager, sessionId: string): Promise<{ id: string; title: string }[]> {
    return m.query(`SELECT id, title FROM activity WHERE session_id = $1 AND kind = 'floor' ORDER BY position, id`, [sessionId]);
  },

  async outcomeRequests(m: EntityManager, activityIds: string[]): Promise<OutcomeRequestRow[]> {
    return m.query(
      `SELECT id, activity_id, name, gender, category, territory_type, remote, state, spoken_ms, heard_rank, seq
         FROM floor_request WHERE activity_id = ANY($1::uuid[]) AND state <> 'withdrawn' ORDER BY seq`,
      [activityIds],
    );
  },

  /** Present: the members who joined or confirmed their presence (the attendance rule of the room module). */
  async presentMembers(m: EntityManager, sessionId: string): Promise<PresentRow[]> {
    return m.query(
      `SELECT m.gender, m.category, m.territory_type
         FROM participant p LEFT JOIN member m ON m.id = p.member_id LEFT JOIN attendance_confirmation c ON c.participant_id = p.id
        WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL AND (p.joined_at IS NOT NULL OR c.participant_id IS NOT NULL)`,
      [sessionId],
    );
  },

  async overrides(m: EntityManager, activityIds: string[]): Promise<OverrideRow[]> {
    return m.query(
      `SELECT o.activity_id, o.kind, o.position, r.name, coalesce(a.display_name, '') AS author
         FROM floor_override o JOIN floor_request r ON r.id = o.request_id LEFT JOIN participant a ON a.id = o.author_id
        WHERE o.activity_id = ANY($1::uuid[]) ORDER BY o.created_at, o.id`,
      [activityIds],
    );
  },

  /** The demo's state changes (raw, as if by hand: the list is seeded open, then put back to draft). */
  async setActivityState(m: EntityManager, activityId: string, state: 'open' | 'draft'): Promise<void> {
    await m.query(SET_DEMO_STATE[state], [activityId]);
  },

  /** One roster member per (gender, category, territory type), for the demo's requests. */
  async demoSpeakers(m: EntityManager, sessionId: string): Promise<{ id: string; display_name: string; group_id: string | null; gender: string; category: string; territory_type: string }[]> {
    return m.query(
      `SELECT DISTINCT ON (m.gender, m.category, m.territory_type) p.id, p.display_name, p.group_id, m.gender, m.category, m.territory_type
         FROM participant p JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.role = 'member' ORDER BY m.gender, m.category, m.territory_type, p.display_name`,
      [sessionId],
    );
  },
};
