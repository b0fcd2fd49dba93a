import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FloorConfig, type CommandPayload, type FloorListView, type FloorRequestView, type FloorSnapshot } from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { parseWith } from '../../common/validation';
import { returningRows } from '../../database/returning';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { FloorBroadcaster } from './floor.broadcaster';
import { FLOOR_SELECT, publicList, readList, toRequestView, type FloorRow } from './floor.views';

/** What elapsed on a running countdown, added to the recorded speaking time. */
const ELAPSED = `CASE WHEN running_since IS NULL THEN 0 ELSE floor(extract(epoch FROM (now() - running_since)) * 1000)::int END`;

interface Profile {
  name: string;
  gender: string | null;
  category: string | null;
  perimeter: string | null;
  territory_type: string | null;
}

/** The speakers' list of an agenda item: requests, the balanced order, overrides, the speaker's countdown. */
@Injectable()
export class FloorService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly broadcaster: FloorBroadcaster,
  ) {}

  /** One request in its own transaction (the demo seed); members' requests go through FloorRequestBatcher and `requestMany`. */
  async request(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.request'>): Promise<FloorRequestView> {
    const { activity, id } = await this.enter(tx, actor, p);
    return this.placed(tx, activity, id);
  }

  /**
   * The requests of one batch (FloorRequestBatcher), in one transaction: each checked and written
   * in arrival order, then each list ordered once for all of them. A refused request has written
   * nothing (every refusal comes before its writes).
   */
  async requestMany(tx: Tx, admitted: readonly { actor: ParticipantActor; payload: CommandPayload<'floor.request'> }[]): Promise<(FloorRequestView | AppError)[]> {
    const entered: ({ activity: Activity; id: string } | AppError)[] = [];
    // The list locked and checked once per list and kind of sender (role, group): the same answer for each of them.
    const checked = new Map<string, Activity>();
    for (const { actor, payload } of admitted) {
      try {
        entered.push(await this.enter(tx, actor, payload, checked));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        entered.push(error);
      }
    }
    const lists = new Map<string, FloorListView>();
    const answers: (FloorRequestView | AppError)[] = [];
    for (const e of entered) {
      if (e instanceof AppError) {
        answers.push(e);
        continue;
      }
      let list = lists.get(e.activity.id);
      if (!list) lists.set(e.activity.id, (list = await readList(tx.manager, e.activity)));
      answers.push(this.find(list, e.id) ?? toRequestView(await this.row(tx.manager, e.activity.sessionId, e.id)));
    }
    return answers;
  }

  /** Checks and writes one request (or finds the one already waiting): one place per person. */
  private async enter(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.request'>, checked = new Map<string, Activity>()): Promise<{ activity: Activity; id: string }> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const key = `${p.activityId}:${actor.role}:${actor.groupId ?? ''}`;
    const activity = checked.get(key) ?? (await this.lockOpen(tx, actor, p.activityId));
    checked.set(key, activity);
    // Asking twice while a request waits (or speaks) answers that request: one place per person.
    const existing: { id: string }[] = await tx.manager.query(`SELECT id FROM floor_request WHERE activity_id = $1 AND participant_id = $2 AND state IN ('waiting', 'speaking')`, [
      activity.id,
      actor.participantId,
    ]);
    if (existing[0]) return { activity, id: existing[0].id };
    const profile = await this.profile(tx.manager, actor.sessionId, actor.participantId);
    const id = await this.insert(tx, activity, { participantId: actor.participantId, ...profile, stance: p.stance, remote: p.remote, priority: false, addedBy: null });
    await tx.audit(actor.sessionId, 'floor.requested', actor.participantId, { activityId: activity.id, requestId: id, stance: p.stance, remote: p.remote });
    return { activity, id };
  }

  async withdraw(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.withdraw'>): Promise<FloorRequestView> {
    const row = await this.row(tx.manager, actor.sessionId, p.requestId);
    if (row.participant_id !== actor.participantId && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    const activity = await this.lockOpen(tx, actor, row.activity_id);
    const locked = await this.row(tx.manager, actor.sessionId, p.requestId, true);
    if (locked.state === 'withdrawn') return toRequestView(locked);
    if (locked.state !== 'waiting') throw new AppError('INVALID_TRANSITION');
    await tx.manager.query(`UPDATE floor_request SET state = 'withdrawn', pinned = NULL WHERE id = $1`, [locked.id]);
    await tx.audit(actor.sessionId, 'floor.withdrawn', actor.participantId, { activityId: activity.id, requestId: locked.id });
    this.changed(tx, activity.id);
    return toRequestView(await this.row(tx.manager, actor.sessionId, locked.id));
  }

  async add(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.add'>): Promise<FloorRequestView> {
    const activity = await this.lockOpen(tx, actor, p.activityId);
    let profile: Profile;
    if (p.participantId) {
      profile = await this.profile(tx.manager, actor.sessionId, p.participantId);
    } else {
      profile = { name: p.name, gender: null, category: null, perimeter: null, territory_type: null };
    }
    // What staff say of the person completes (or corrects) what the roster knows.
    profile = {
      name: p.name,
      gender: p.gender ?? profile.gender,
      category: p.category ?? profile.category,
      perimeter: p.territory ?? profile.perimeter,
      territory_type: p.territoryType ?? profile.territory_type,
    };
    const id = await this.insert(tx, activity, { participantId: p.participantId ?? null, ...profile, stance: p.stance, remote: p.remote, priority: p.priority, addedBy: actor.participantId });
    await tx.audit(actor.sessionId, 'floor.added', actor.participantId, { activityId: activity.id, requestId: id, priority: p.priority, participantId: p.participantId ?? null });
    return this.placed(tx, activity, id);
  }

  /** An override: the request keeps the position given (null gives its place back to the rule). */
  async move(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.move'>): Promise<FloorRequestView> {
    const peek = await this.row(tx.manager, actor.sessionId, p.requestId);
    const activity = await this.lockOpen(tx, actor, peek.activity_id);
    const row = await this.row(tx.manager, actor.sessionId, p.requestId, true);
    if (row.state !== 'waiting') throw new AppError('INVALID_TRANSITION');
    if (row.pinned === p.position) return this.placed(tx, activity, row.id);
    const before = (await readList(tx.manager, activity)).queue.indexOf(row.id) + 1;
    await tx.manager.query('UPDATE floor_request SET pinned = $2 WHERE id = $1', [row.id, p.position]);
    await tx.manager.query(`INSERT INTO floor_override (activity_id, request_id, kind, position, author_id) VALUES ($1, $2, 'move', $3, $4)`, [activity.id, row.id, p.position, actor.participantId]);
    await tx.audit(actor.sessionId, 'floor.moved', actor.participantId, { activityId: activity.id, requestId: row.id, from: before, to: p.position });
    return this.placed(tx, activity, row.id);
  }

  /** Gives the floor: the current speaker's turn ends (time recorded), the countdown starts. Out of order is an override. */
  async give(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.give'>): Promise<FloorRequestView> {
    const peek = await this.row(tx.manager, actor.sessionId, p.requestId);
    const activity = await this.lockOpen(tx, actor, peek.activity_id);
    const row = await this.row(tx.manager, actor.sessionId, p.requestId, true);
    if (row.state === 'speaking') return toRequestView(row);
    if (row.state !== 'waiting') throw new AppError('INVALID_TRANSITION');
    const position = (await readList(tx.manager, activity)).queue.indexOf(row.id) + 1;
    await this.endTurn(tx, activity.id);
    const config = parseWith(FloorConfig, activity.config ?? {});
    await tx.manager.query(
      `UPDATE floor_request SET state = 'speaking', pinned = NULL, duration_ms = $2, running_since = now(),
              heard_rank = (SELECT coalesce(max(heard_rank), 0) + 1 FROM floor_request WHERE activity_id = $3)
        WHERE id = $1`,
      [row.id, config.speakingSeconds * 1000, activity.id],
    );
    // Moved requests behind the new speaker keep their place relative to the head of the list.
    await tx.manager.query(`UPDATE floor_request SET pinned = greatest(pinned - 1, 1) WHERE activity_id = $1 AND state = 'waiting' AND pinned > $2`, [activity.id, position]);
    const override = position !== 1;
    if (override) {
      await tx.manager.query(`INSERT INTO floor_override (activity_id, request_id, kind, position, author_id) VALUES ($1, $2, 'give', $3, $4)`, [activity.id, row.id, position, actor.participantId]);
    }
    await tx.audit(actor.sessionId, 'floor.given', actor.participantId, { activityId: activity.id, requestId: row.id, position, override });
    this.changed(tx, activity.id);
    return toRequestView(await this.row(tx.manager, actor.sessionId, row.id));
  }

  async timer(tx: Tx, actor: ParticipantActor, p: CommandPayload<'floor.timer'>): Promise<FloorListView> {
    const activity = await this.lockOpen(tx, actor, p.activityId);
    const speaking: { id: string }[] = await tx.manager.query(`SELECT id FROM floor_request WHERE activity_id = $1 AND state = 'speaking' FOR UPDATE`, [activity.id]);
    if (!speaking[0]) throw new AppError('NO_TIMER');
    const id = speaking[0].id;
    if (p.action === 'start') await tx.manager.query('UPDATE floor_request SET running_since = coalesce(running_since, now()) WHERE id = $1', [id]);
    if (p.action === 'pause') await tx.manager.query(`UPDATE floor_request SET spoken_ms = spoken_ms + ${ELAPSED}, running_since = NULL WHERE id = $1`, [id]);
    if (p.action === 'extend') await tx.manager.query('UPDATE floor_request SET duration_ms = duration_ms + $2 WHERE id = $1', [id, (p.seconds ?? 30) * 1000]);
    if (p.action === 'end') await this.endTurn(tx, activity.id);
    await tx.audit(actor.sessionId, `floor.timer.${p.action}`, actor.participantId, { activityId: activity.id, requestId: id, ...(p.seconds ? { seconds: p.seconds } : {}) });
    this.changed(tx, activity.id);
    return readList(tx.manager, activity);
  }

  /** Closing the item ends the current turn (its time recorded); waiting requests stay unheard. */
  async close(tx: Tx, activity: Activity): Promise<void> {
    await this.endTurn(tx, activity.id);
    this.changed(tx, activity.id);
  }

  /** Every list the actor may read; staff also get every waiting request with its reason. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<FloorSnapshot> {
    const activities: { id: string; session_id: string; group_id: string | null; state: string; config: unknown }[] = await manager.query(
      `SELECT id, session_id, group_id, state, config FROM activity WHERE session_id = $1 AND kind = 'floor' ORDER BY position, id`,
      [actor.sessionId],
    );
    const me: { group_id: string | null }[] = await manager.query('SELECT group_id FROM participant WHERE id = $1', [actor.participantId]);
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const viewer = { role: actor.role, groupId: me[0]?.group_id ?? null };
    const staff = isStaffRole(actor.role);
    const snapshot: FloorSnapshot = { lists: {}, mine: [] };
    for (const a of activities) {
      if (!canSeeActivity(viewer, { groupId: a.group_id, state: a.state }, reportBackOpen)) continue;
      const list = await readList(manager, { id: a.id, sessionId: a.session_id, config: a.config });
      snapshot.lists[a.id] = staff ? list : publicList(list);
      for (const r of [...(list.speaker ? [list.speaker] : []), ...list.waiting]) if (r.participantId === actor.participantId) snapshot.mine.push(r);
    }
    return snapshot;
  }

  private async endTurn(tx: Tx, activityId: string): Promise<void> {
    await tx.manager.query(`UPDATE floor_request SET spoken_ms = spoken_ms + ${ELAPSED}, running_since = NULL, state = 'done' WHERE activity_id = $1 AND state = 'speaking'`, [activityId]);
  }

  private async insert(
    tx: Tx,
    activity: Activity,
    r: Profile & { participantId: string | null; stance: string | null; remote: boolean; priority: boolean; addedBy: string | null },
  ): Promise<string> {
    const rows = returningRows<{ id: string }>(
      await tx.manager.query(
        `INSERT INTO floor_request (session_id, activity_id, participant_id, name, gender, category, territory, territory_type, stance, remote, priority, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [activity.sessionId, activity.id, r.participantId, r.name, r.gender, r.category, r.perimeter, r.territory_type, r.stance, r.remote, r.priority, r.addedBy],
      ),
    );
    this.changed(tx, activity.id);
    return rows[0].id;
  }

  /** The request as it now stands in the ordered list (position and reason while waiting). */
  private async placed(tx: Tx, activity: Activity, requestId: string): Promise<FloorRequestView> {
    return this.find(await readList(tx.manager, activity), requestId) ?? toRequestView(await this.row(tx.manager, activity.sessionId, requestId));
  }

  private find(list: FloorListView, requestId: string): FloorRequestView | undefined {
    return list.speaker?.id === requestId ? list.speaker : list.waiting.find((r) => r.id === requestId);
  }

  /** The person's name and, for a roster member, what balance needs to know. */
  private async profile(manager: EntityManager, sessionId: string, participantId: string): Promise<Profile> {
    const rows: Profile[] = await manager.query(
      `SELECT coalesce(m.name, p.display_name) AS name, m.gender, m.category, m.perimeter, m.territory_type
         FROM participant p LEFT JOIN member m ON m.id = p.member_id WHERE p.id = $1 AND p.session_id = $2 AND p.revoked_at IS NULL`,
      [participantId, sessionId],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return rows[0];
  }

  private changed(tx: Tx, activityId: string): void {
    tx.afterCommit(() => this.broadcaster.mark(activityId));
  }

  /**
   * Every change to a list locks the activity row (FOR UPDATE): changes to one list are serialised
   * (the order is computed on a stable list), a close waits for them, and a change after a close
   * sees it closed and answers FLOOR_CLOSED.
   */
  private async lockOpen(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'floor') throw new AppError('NOT_FOUND');
    const rows: { state: string; config: unknown }[] = await tx.manager.query('SELECT state, config FROM activity WHERE id = $1 FOR UPDATE', [activity.id]);
    if (rows[0]?.state !== 'open') throw new AppError('FLOOR_CLOSED');
    activity.config = (rows[0].config ?? {}) as Activity['config'];
    return activity;
  }

  private async row(manager: EntityManager, sessionId: string, id: string, lock = false): Promise<FloorRow> {
    const rows: FloorRow[] = await manager.query(`${FLOOR_SELECT} WHERE r.id = $1 AND r.session_id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [id, sessionId]);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return rows[0];
  }
}
