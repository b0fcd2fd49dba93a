import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FloorConfig, type CommandPayload, type FloorListView, type FloorRequestView, type FloorSnapshot } from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { canSeeActivity, readReportBackOpen, readSessionActivities } from '../sessions/audience';
import { FloorBroadcaster } from './floor.broadcaster';
import { floorRepository, type FloorRow, type NewRequest, type Profile } from './floor.repository';
import { publicList, readList, toRequestView } from './floor.views';

/** The speakers' list of an agenda item: requests, the balanced order, overrides, the speaker's countdown. */
@Injectable()
export class FloorService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly broadcaster: FloorBroadcaster,
  ) {}

  /** One request in its own transaction (the demo seed); members' requests go through FloorRequestBatcher and `requestMany`. */
  async request(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.request'>): Promise<FloorRequestView> {
    const { activity, id } = await this.enter(tx, actor, payload);
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
    for (const entry of entered) {
      if (entry instanceof AppError) {
        answers.push(entry);
        continue;
      }
      let list = lists.get(entry.activity.id);
      if (!list) lists.set(entry.activity.id, (list = await readList(tx.manager, entry.activity)));
      answers.push(this.find(list, entry.id) ?? toRequestView(await this.row(tx.manager, entry.activity.sessionId, entry.id)));
    }
    return answers;
  }

  /** Checks and writes one request (or finds the one already waiting): one place per person. */
  private async enter(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.request'>, checked = new Map<string, Activity>()): Promise<{ activity: Activity; id: string }> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const key = `${payload.activityId}:${actor.role}:${actor.groupId ?? ''}`;
    const activity = checked.get(key) ?? (await this.lockOpen(tx, actor, payload.activityId));
    checked.set(key, activity);
    // Asking twice while a request waits (or speaks) answers that request: one place per person.
    const existing = await floorRepository.pendingRequest(tx.manager, activity.id, actor.participantId);
    if (existing) return { activity, id: existing };
    const profile = await this.profile(tx.manager, actor.sessionId, actor.participantId);
    const id = await this.insert(tx, activity, { participantId: actor.participantId, ...profile, stance: payload.stance, remote: payload.remote, priority: false, addedBy: null });
    await tx.audit(actor.sessionId, 'floor.requested', actor.participantId, { activityId: activity.id, requestId: id, stance: payload.stance, remote: payload.remote });
    return { activity, id };
  }

  async withdraw(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.withdraw'>): Promise<FloorRequestView> {
    const row = await this.row(tx.manager, actor.sessionId, payload.requestId);
    if (row.participant_id !== actor.participantId && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    const activity = await this.lockOpen(tx, actor, row.activity_id);
    const locked = await this.row(tx.manager, actor.sessionId, payload.requestId, true);
    if (locked.state === 'withdrawn') return toRequestView(locked);
    if (locked.state !== 'waiting') throw new AppError('INVALID_TRANSITION');
    await floorRepository.withdraw(tx.manager, locked.id);
    await tx.audit(actor.sessionId, 'floor.withdrawn', actor.participantId, { activityId: activity.id, requestId: locked.id });
    this.changed(tx, activity.id);
    return toRequestView(await this.row(tx.manager, actor.sessionId, locked.id));
  }

  async add(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.add'>): Promise<FloorRequestView> {
    const activity = await this.lockOpen(tx, actor, payload.activityId);
    let profile: Profile;
    if (payload.participantId) {
      profile = await this.profile(tx.manager, actor.sessionId, payload.participantId);
    } else {
      profile = { name: payload.name, gender: null, category: null, perimeter: null, territory_type: null };
    }
    // What staff say of the person completes (or corrects) what the roster knows.
    profile = {
      name: payload.name,
      gender: payload.gender ?? profile.gender,
      category: payload.category ?? profile.category,
      perimeter: payload.territory ?? profile.perimeter,
      territory_type: payload.territoryType ?? profile.territory_type,
    };
    const id = await this.insert(tx, activity, { participantId: payload.participantId ?? null, ...profile, stance: payload.stance, remote: payload.remote, priority: payload.priority, addedBy: actor.participantId });
    await tx.audit(actor.sessionId, 'floor.added', actor.participantId, { activityId: activity.id, requestId: id, priority: payload.priority, participantId: payload.participantId ?? null });
    return this.placed(tx, activity, id);
  }

  /** An override: the request keeps the position given (null gives its place back to the rule). */
  async move(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.move'>): Promise<FloorRequestView> {
    const peek = await this.row(tx.manager, actor.sessionId, payload.requestId);
    const activity = await this.lockOpen(tx, actor, peek.activity_id);
    const row = await this.row(tx.manager, actor.sessionId, payload.requestId, true);
    if (row.state !== 'waiting') throw new AppError('INVALID_TRANSITION');
    if (row.pinned === payload.position) return this.placed(tx, activity, row.id);
    const before = (await readList(tx.manager, activity)).queue.indexOf(row.id) + 1;
    await floorRepository.setPinned(tx.manager, row.id, payload.position);
    await floorRepository.insertOverride(tx.manager, activity.id, row.id, 'move', payload.position, actor.participantId);
    await tx.audit(actor.sessionId, 'floor.moved', actor.participantId, { activityId: activity.id, requestId: row.id, from: before, to: payload.position });
    return this.placed(tx, activity, row.id);
  }

  /** Gives the floor: the current speaker's turn ends (time recorded), the countdown starts. Out of order is an override. */
  async give(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.give'>): Promise<FloorRequestView> {
    const peek = await this.row(tx.manager, actor.sessionId, payload.requestId);
    const activity = await this.lockOpen(tx, actor, peek.activity_id);
    const row = await this.row(tx.manager, actor.sessionId, payload.requestId, true);
    if (row.state === 'speaking') return toRequestView(row);
    if (row.state !== 'waiting') throw new AppError('INVALID_TRANSITION');
    const position = (await readList(tx.manager, activity)).queue.indexOf(row.id) + 1;
    await this.endTurn(tx, activity.id);
    const config = parseWith(FloorConfig, activity.config ?? {});
    await floorRepository.giveFloor(tx.manager, activity.id, row.id, config.speakingSeconds * 1000);
    // Moved requests behind the new speaker keep their place relative to the head of the list.
    await floorRepository.shiftPinnedAfter(tx.manager, activity.id, position);
    const override = position !== 1;
    if (override) await floorRepository.insertOverride(tx.manager, activity.id, row.id, 'give', position, actor.participantId);
    await tx.audit(actor.sessionId, 'floor.given', actor.participantId, { activityId: activity.id, requestId: row.id, position, override });
    this.changed(tx, activity.id);
    return toRequestView(await this.row(tx.manager, actor.sessionId, row.id));
  }

  async timer(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'floor.timer'>): Promise<FloorListView> {
    const activity = await this.lockOpen(tx, actor, payload.activityId);
    const id = await floorRepository.lockSpeaker(tx.manager, activity.id);
    if (!id) throw new AppError('NO_TIMER');
    if (payload.action === 'start') await floorRepository.startTimer(tx.manager, id);
    if (payload.action === 'pause') await floorRepository.pauseTimer(tx.manager, id);
    if (payload.action === 'extend') await floorRepository.extendTimer(tx.manager, id, (payload.seconds ?? 30) * 1000);
    if (payload.action === 'end') await this.endTurn(tx, activity.id);
    await tx.audit(actor.sessionId, `floor.timer.${payload.action}`, actor.participantId, { activityId: activity.id, requestId: id, ...(payload.seconds ? { seconds: payload.seconds } : {}) });
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
    const activities = await readSessionActivities(manager, actor.sessionId, 'floor');
    const groupId = actor.groupId;
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const viewer = { role: actor.role, groupId };
    const staff = isStaffRole(actor.role);
    const snapshot: FloorSnapshot = { lists: {}, mine: [] };
    for (const activity of activities) {
      if (!canSeeActivity(viewer, activity, reportBackOpen)) continue;
      const list = await readList(manager, { id: activity.id, sessionId: activity.sessionId, config: activity.config });
      snapshot.lists[activity.id] = staff ? list : publicList(list);
      for (const request of [...(list.speaker ? [list.speaker] : []), ...list.waiting]) if (request.participantId === actor.participantId) snapshot.mine.push(request);
    }
    return snapshot;
  }

  private async endTurn(tx: Tx, activityId: string): Promise<void> {
    await floorRepository.endTurn(tx.manager, activityId);
  }

  private async insert(tx: Tx, activity: Activity, request: NewRequest): Promise<string> {
    const id = await floorRepository.insertRequest(tx.manager, activity, request);
    this.changed(tx, activity.id);
    return id;
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
    const profile = await floorRepository.profile(manager, sessionId, participantId);
    if (!profile) throw new AppError('NOT_FOUND');
    return profile;
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
    const locked = await floorRepository.lockActivity(tx.manager, activity.id);
    if (locked?.state !== 'open') throw new AppError('FLOOR_CLOSED');
    activity.config = (locked.config ?? {}) as Activity['config'];
    return activity;
  }

  private async row(manager: EntityManager, sessionId: string, id: string, lock = false): Promise<FloorRow> {
    const row = await floorRepository.request(manager, sessionId, id, lock);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
}
