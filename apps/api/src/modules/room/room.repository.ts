import type { MemberCategory, TerritoryType } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { returningRows } from '../../database/returning';
import { Activity } from '../sessions/activity.entity';
import { RoomState } from './room.entities';

/** A member of the session as the attendance figures count them. */
export interface AttendanceRow {
  id: string;
  roster: boolean;
  present: boolean;
  territory_type: TerritoryType | null;
  category: MemberCategory | null;
}

/** The room: its state row (current item, countdown, screen, quorum) and the attendance confirmations. */
export const roomRepository = {
  /** The session's room state row, created on first use, FOR UPDATE. */
  async lock(m: EntityManager, sessionId: string): Promise<RoomState> {
    await m.query('INSERT INTO room_state (session_id) VALUES ($1) ON CONFLICT DO NOTHING', [sessionId]);
    return m.getRepository(RoomState).findOneOrFail({ where: { sessionId }, lock: { mode: 'pessimistic_write' } });
  },

  /** The session's room state row FOR UPDATE, if it exists. */
  lockIfAny(m: EntityManager, sessionId: string): Promise<RoomState | null> {
    return m.getRepository(RoomState).findOne({ where: { sessionId }, lock: { mode: 'pessimistic_write' } });
  },

  state(m: EntityManager, sessionId: string): Promise<RoomState | null> {
    return m.getRepository(RoomState).findOneBy({ sessionId });
  },

  /** A room state not stored yet (the defaults), for the snapshot. */
  newState(m: EntityManager, state: Partial<RoomState>): RoomState {
    return m.getRepository(RoomState).create(state);
  },

  /** The room states with an automatic close armed. */
  autoClosing(m: EntityManager): Promise<RoomState[]> {
    return m.getRepository(RoomState).find({ where: { timerAutoClose: true } });
  },

  async update(m: EntityManager, sessionId: string, changes: QueryDeepPartialEntity<RoomState>): Promise<void> {
    await m.getRepository(RoomState).update(sessionId, changes);
  },

  /** Mark the countdown warned, if it is still the one armed (`seq`) and not warned yet; its activity and end when it was. */
  async markWarned(m: EntityManager, sessionId: string, seq: number): Promise<{ timer_activity_id: string; timer_ends_at: Date }[]> {
    return returningRows<{ timer_activity_id: string; timer_ends_at: Date }>(await m.query(
      `UPDATE room_state SET timer_warned = true WHERE session_id = $1 AND timer_seq = $2 AND NOT timer_warned
             AND timer_auto_close AND timer_ends_at IS NOT NULL RETURNING timer_activity_id, timer_ends_at`,
      [sessionId, seq],
    ));
  },

  /** The session's agenda in order. */
  agenda(m: EntityManager, sessionId: string): Promise<Activity[]> {
    return m.getRepository(Activity).find({ where: { sessionId }, order: { position: 'ASC' } });
  },

  /** Whether a Q&A question of this session exists. */
  async qnaQuestionExists(m: EntityManager, questionId: string, sessionId: string): Promise<boolean> {
    const found: unknown[] = await m.query('SELECT 1 FROM qna_question WHERE id = $1 AND session_id = $2', [questionId, sessionId]);
    return found.length > 0;
  },

  async attendanceConfirmed(m: EntityManager, participantId: string): Promise<boolean> {
    const confirmed: unknown[] = await m.query('SELECT 1 FROM attendance_confirmation WHERE participant_id = $1', [participantId]);
    return confirmed.length > 0;
  },

  /** The roster member behind a participant (null if none). */
  async memberOf(m: EntityManager, participantId: string): Promise<string | null | undefined> {
    const rows: { member_id: string | null }[] = await m.query('SELECT member_id FROM participant WHERE id = $1', [participantId]);
    return rows[0]?.member_id;
  },

  /** Record a participant's attendance; true when it was not recorded yet. */
  async confirmAttendance(m: EntityManager, participantId: string, sessionId: string): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      'INSERT INTO attendance_confirmation (participant_id, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING participant_id',
      [participantId, sessionId],
    );
    return inserted.length > 0;
  },

  /** The session's quorum: `[]` when there is no such session, `[{ quorum_percent: null }]` when none is set. */
  quorum(m: EntityManager, sessionId: string): Promise<{ quorum_percent: number | null }[]> {
    return m.query('SELECT r.quorum_percent FROM session s LEFT JOIN room_state r ON r.session_id = s.id WHERE s.id = $1', [sessionId]);
  },

  /** The session's members (not removed), with their roster profile and whether they came. */
  attendance(m: EntityManager, sessionId: string): Promise<AttendanceRow[]> {
    return m.query(
      `SELECT p.id, p.member_id IS NOT NULL AS roster, m.territory_type, m.category,
              (p.joined_at IS NOT NULL OR c.participant_id IS NOT NULL) AS present
         FROM participant p LEFT JOIN member m ON m.id = p.member_id LEFT JOIN attendance_confirmation c ON c.participant_id = p.id
        WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL`,
      [sessionId],
    );
  },
};
