import type { EntityManager } from 'typeorm';
import { returningRows } from '../../database/returning';
import { Activity } from './activity.entity';

/** The agenda: activity rows, and the session and group rows their use cases lock or check. */
export const activitiesRepository = {
  /** The session row FOR UPDATE: agenda positions are serialised on it. */
  async lockSession(m: EntityManager, sessionId: string): Promise<void> {
    await m.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [sessionId]);
  },

  /** Whether a working group of this session exists. */
  async groupExists(m: EntityManager, groupId: string, sessionId: string): Promise<boolean> {
    return (await m.query('SELECT 1 FROM working_group WHERE id = $1 AND session_id = $2', [groupId, sessionId])).length > 0;
  },

  /** The last activity of the agenda (highest position). */
  last(m: EntityManager, sessionId: string): Promise<Activity | null> {
    return m.getRepository(Activity).findOne({ where: { sessionId }, order: { position: 'DESC' } });
  },

  insert(m: EntityManager, activity: Pick<Activity, 'sessionId' | 'kind' | 'title' | 'position' | 'groupId' | 'state'>): Promise<Activity> {
    const repo = m.getRepository(Activity);
    return repo.save(repo.create(activity));
  },

  async saveConfig(m: EntityManager, activityId: string, config: unknown): Promise<void> {
    await m.query('UPDATE activity SET config = $2 WHERE id = $1', [activityId, JSON.stringify(config)]);
  },

  async update(m: EntityManager, activityId: string, patch: Partial<Pick<Activity, 'title' | 'position' | 'state'>>): Promise<void> {
    await m.getRepository(Activity).update(activityId, patch);
  },

  async delete(m: EntityManager, activityId: string): Promise<void> {
    await m.getRepository(Activity).delete(activityId);
  },

  /** A session's activities in agenda order; `byId`: ties broken by id. */
  ofSession(m: EntityManager, sessionId: string, byId = false): Promise<Activity[]> {
    return m.getRepository(Activity).find({ where: { sessionId }, order: byId ? { position: 'ASC', id: 'ASC' } : { position: 'ASC' } });
  },

  /** An activity of this session. */
  find(m: EntityManager, sessionId: string, activityId: string): Promise<Activity | null> {
    return m.getRepository(Activity).findOneBy({ id: activityId, sessionId });
  },

  /** The activity row FOR UPDATE. */
  lock(m: EntityManager, activityId: string): Promise<Activity> {
    return m.getRepository(Activity).findOneOrFail({ where: { id: activityId }, lock: { mode: 'pessimistic_write' } });
  },

  /** Stop the countdown running for this activity, if any (timer columns cleared, timer_seq bumped); the rows changed. */
  async stopCountdown(m: EntityManager, sessionId: string, activityId: string): Promise<{ session_id: string }[]> {
    return returningRows<{ session_id: string }>(await m.query(
      `UPDATE room_state SET timer_activity_id = NULL, timer_ends_at = NULL, timer_paused_ms = NULL, timer_duration_ms = NULL,
       timer_auto_close = false, timer_warned = false, timer_seq = timer_seq + 1
     WHERE session_id = $1 AND timer_activity_id = $2 RETURNING session_id`,
      [sessionId, activityId],
    ));
  },
};
