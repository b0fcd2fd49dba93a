import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupsConfig, type GroupDetail, type GroupsSnapshot } from '@palabre/contracts';
import { canReadActivity, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { canSeeActivity, readReportBackOpen, readSessionActivities, readSessionSettings } from '../sessions/audience';
import { GroupAccess } from './group-access';
import { groupsRepository } from './groups.repository';
import { toCommentView, toSeedCardView, toSynthesisView } from './groups.views';

/** `features.groups`: every group's name and count; the details of the groups this actor may read. */
@Injectable()
export class GroupsSnapshotContributor {
  constructor(private readonly access: GroupAccess) {}

  async collect(actor: ParticipantActor, manager: EntityManager): Promise<GroupsSnapshot> {
    const presented = (await readSessionSettings(manager, actor.sessionId)).presentedGroupId;
    const presentedGroupId = typeof presented === 'string' ? presented : null;
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    // The viewer's group at the snapshot's instant (the session snapshot reads it for every part).
    const myGroupId = actor.groupId;
    const activities = await readSessionActivities(manager, actor.sessionId, 'groups');
    const views = [];
    for (const activity of activities) {
      if (!canSeeActivity({ role: actor.role, groupId: myGroupId }, activity, reportBackOpen)) continue;
      const config = GroupsConfig.parse(activity.config);
      views.push({ activityId: activity.id, placement: config.placement, choiceClosesAt: config.choiceClosesAt ?? null, groups: await this.access.views(manager, activity.id) });
    }
    const readable = views
      .flatMap((view) => view.groups)
      .filter((group) => canReadActivity({ role: actor.role, actorGroupId: myGroupId, activityGroupId: group.id, reportBackOpen }))
      .map((group) => group.id);
    const snapshot: GroupsSnapshot = {
      reportBackOpen,
      presentedGroupId,
      activities: views,
      details: await this.details(manager, readable),
    };
    if (isStaffRole(actor.role)) snapshot.roster = await groupsRepository.roster(manager, actor.sessionId);
    return snapshot;
  }

  private async details(manager: EntityManager, groupIds: string[]): Promise<GroupDetail[]> {
    if (groupIds.length === 0) return [];
    const groups = await groupsRepository.groupsByIds(manager, groupIds);
    const members = await groupsRepository.groupMembers(manager, groupIds);
    const comments = await groupsRepository.commentsOf(manager, groupIds);
    // Authors keep their name on comments left in a group they have since left.
    const names = await groupsRepository.displayNames(manager, [...new Set(comments.map((comment) => comment.participantId))]);
    const cards = await groupsRepository.seedCardsOf(manager, groupIds);
    return groups
      .sort((a, b) => a.position - b.position)
      .map((group) => ({
        groupId: group.id,
        members: members.filter((member) => member.group_id === group.id).map((member) => ({ participantId: member.id, displayName: member.display_name })),
        synthesis: toSynthesisView(group),
        comments: comments.filter((comment) => comment.groupId === group.id).map((comment) => toCommentView(comment, names.get(comment.participantId) ?? '')),
        seedCards: cards.filter((card) => card.groupId === group.id).map(toSeedCardView),
      }));
  }
}
