import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupsConfig, type ActivitySummary, type GroupMove, type WorkingGroupView } from '@palabre/contracts';
import { canReadActivity, canWriteActivity } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { toActivitySummary } from '../sessions/sessions.views';
import { groupsRepository } from './groups.repository';
import { toGroupView } from './groups.views';
import type { WorkingGroup } from './working-group.entities';

/**
 * Checks and publishing shared by the groups use cases: who may read or write a group's work, and
 * who hears about groups and moves. Lock order everywhere: group rows, then the session row.
 */
@Injectable()
export class GroupAccess {
  constructor(private readonly emitter: RealtimeEmitter) {}

  /** A group of the actor's session, row-locked for this transaction; another session's answers NOT_FOUND. */
  async lockGroup(tx: Tx, sessionId: string, groupId: string): Promise<WorkingGroup> {
    const group = await groupsRepository.lockGroup(tx.manager, sessionId, groupId);
    if (!group) throw new AppError('NOT_FOUND');
    return group;
  }

  /** The `groups` activity of this session and its stored settings. */
  async groupsActivity(manager: EntityManager, sessionId: string, activityId: string): Promise<{ activity: Activity; config: GroupsConfig }> {
    const activity = await groupsRepository.findGroupsActivity(manager, sessionId, activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    return { activity, config: GroupsConfig.parse(activity.config) };
  }

  reportBackOpen(manager: EntityManager, sessionId: string): Promise<boolean> {
    return readReportBackOpen(manager, sessionId);
  }

  /** Isolation for group-owned things (synthesis, comments): a group the actor may not read answers NOT_FOUND. */
  async assertReadable(tx: Tx, actor: ParticipantActor, group: WorkingGroup): Promise<void> {
    const open = await this.reportBackOpen(tx.manager, actor.sessionId);
    if (!canReadActivity({ role: actor.role, actorGroupId: actor.groupId, activityGroupId: group.id, reportBackOpen: open })) throw new AppError('NOT_FOUND');
  }

  /** Writing needs membership (or a staff role); another group's work, readable after the report-back, is FORBIDDEN. */
  async assertWritable(tx: Tx, actor: ParticipantActor, group: WorkingGroup): Promise<void> {
    await this.assertReadable(tx, actor, group);
    if (!canWriteActivity({ role: actor.role, actorGroupId: actor.groupId, activityGroupId: group.id, reportBackOpen: false })) throw new AppError('FORBIDDEN');
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
  }

  async views(manager: EntityManager, activityId: string): Promise<WorkingGroupView[]> {
    const groups = await groupsRepository.groupsOf(manager, activityId);
    const counts = await groupsRepository.memberCounts(manager, groups.map((group) => group.id));
    return groups.map((group) => toGroupView(group, counts.get(group.id) ?? 0));
  }

  async view(manager: EntityManager, group: WorkingGroup): Promise<WorkingGroupView> {
    const counts = await groupsRepository.memberCounts(manager, [group.id]);
    return toGroupView(group, counts.get(group.id) ?? 0);
  }

  /** Everyone sees names and counts (members need them to choose). */
  async publishGroups(tx: Tx, sessionId: string, activityId: string): Promise<WorkingGroupView[]> {
    const groups = await this.views(tx.manager, activityId);
    await tx.publish('groups.updated', sessionId, { activityId, groups });
    return groups;
  }

  /** Each moved member hears of their own move; staff hear of all of them. */
  async publishMoves(tx: Tx, sessionId: string, moves: GroupMove[]): Promise<void> {
    if (moves.length === 0) return;
    // Room membership follows a committed move (never a rolled-back one).
    tx.afterCommit(() => this.applyRooms(moves));
    await tx.publish('group.membersMoved', sessionId, { moves }, { room: rooms.staff(sessionId) });
    const activities = new Map<string, ActivitySummary[]>();
    for (const move of moves) {
      if (move.groupId && !activities.has(move.groupId)) {
        const owned = await groupsRepository.groupOwnedActivities(tx.manager, sessionId, move.groupId);
        // What a member of that group may see of them (drafts stay the staff's).
        activities.set(move.groupId, owned.filter((activity) => canSeeActivity({ role: 'member', groupId: move.groupId }, activity, false)).map(toActivitySummary));
      }
      const body = { moves: [move], activities: move.groupId ? activities.get(move.groupId) : [] };
      await tx.publish('group.membersMoved', sessionId, body, { room: rooms.participant(move.participantId) });
    }
  }

  /** After commit: connected sockets of moved members leave their old group room and join the new one. */
  applyRooms(moves: GroupMove[]): void {
    const server = this.emitter.server;
    if (!server) return;
    for (const move of moves) {
      if (move.fromGroupId) server.in(rooms.participant(move.participantId)).socketsLeave(rooms.group(move.fromGroupId));
      if (move.groupId) server.in(rooms.participant(move.participantId)).socketsJoin(rooms.group(move.groupId));
    }
  }
}
