import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { GroupsConfig, type GroupDetail, type GroupMemberView, type GroupsSnapshot } from '@palabre/contracts';
import { canReadActivity, isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { Activity } from '../sessions/activity.entity';
import { canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { GroupsStore } from './groups.store';
import { toCommentView, toSeedCardView, toSynthesisView } from './groups.views';
import { GroupSeedCard, SynthesisComment, WorkingGroup } from './working-group.entity';

/** `features.groups`: every group's name and count; the details of the groups this actor may read. */
@Injectable()
export class GroupsSnapshotContributor {
  constructor(private readonly store: GroupsStore) {}

  async collect(actor: ParticipantActor, manager: EntityManager): Promise<GroupsSnapshot> {
    const settings: { settings: { presentedGroupId?: string | null } }[] = await manager.query('SELECT settings FROM session WHERE id = $1', [actor.sessionId]);
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    // The actor's group as it is now (the REST actor is read per request; be explicit anyway).
    const me: { group_id: string | null }[] = await manager.query('SELECT group_id FROM participant WHERE id = $1', [actor.participantId]);
    const myGroupId = me[0]?.group_id ?? null;
    const activities = await manager.getRepository(Activity).find({ where: { sessionId: actor.sessionId, kind: 'groups' }, order: { position: 'ASC' } });
    const views = [];
    for (const a of activities) {
      if (!canSeeActivity({ role: actor.role, groupId: myGroupId }, a, reportBackOpen)) continue;
      const config = GroupsConfig.parse(a.config);
      views.push({ activityId: a.id, placement: config.placement, choiceClosesAt: config.choiceClosesAt ?? null, groups: await this.store.views(manager, a.id) });
    }
    const readable = views
      .flatMap((v) => v.groups)
      .filter((g) => canReadActivity({ role: actor.role, actorGroupId: myGroupId, activityGroupId: g.id, reportBackOpen }))
      .map((g) => g.id);
    const snapshot: GroupsSnapshot = {
      reportBackOpen,
      presentedGroupId: settings[0]?.settings.presentedGroupId ?? null,
      activities: views,
      details: await this.details(manager, readable),
    };
    if (isStaffRole(actor.role)) snapshot.roster = await this.roster(manager, actor.sessionId);
    return snapshot;
  }

  private async details(manager: EntityManager, groupIds: string[]): Promise<GroupDetail[]> {
    if (groupIds.length === 0) return [];
    const groups = await manager.getRepository(WorkingGroup).findBy({ id: In(groupIds) });
    const members: { id: string; display_name: string; group_id: string }[] = await manager.query(
      `SELECT id, display_name, group_id FROM participant WHERE group_id = ANY($1::uuid[]) AND revoked_at IS NULL ORDER BY display_name`,
      [groupIds],
    );
    const comments = await manager.getRepository(SynthesisComment).find({ where: { groupId: In(groupIds) }, order: { createdAt: 'ASC' } });
    // Authors keep their name on comments left in a group they have since left.
    const authorIds = [...new Set(comments.map((c) => c.participantId))];
    const authors: { id: string; display_name: string }[] = authorIds.length
      ? await manager.query('SELECT id, display_name FROM participant WHERE id = ANY($1::uuid[])', [authorIds])
      : [];
    const names = new Map(authors.map((a) => [a.id, a.display_name]));
    const cards = await manager.getRepository(GroupSeedCard).find({ where: { groupId: In(groupIds) }, order: { createdAt: 'ASC' } });
    return groups
      .sort((a, b) => a.position - b.position)
      .map((g) => ({
        groupId: g.id,
        members: members.filter((m) => m.group_id === g.id).map((m) => ({ participantId: m.id, displayName: m.display_name })),
        synthesis: toSynthesisView(g),
        comments: comments.filter((c) => c.groupId === g.id).map((c) => toCommentView(c, names.get(c.participantId) ?? '')),
        seedCards: cards.filter((c) => c.groupId === g.id).map(toSeedCardView),
      }));
  }

  private roster(manager: EntityManager, sessionId: string): Promise<GroupMemberView[]> {
    return manager
      .query(
        `SELECT p.id, p.display_name, p.group_id, m.territory_type, m.category, m.gender
           FROM participant p LEFT JOIN member m ON m.id = p.member_id
          WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL ORDER BY p.display_name`,
        [sessionId],
      )
      .then((rows: { id: string; display_name: string; group_id: string | null; territory_type: string | null; category: string | null; gender: string | null }[]) =>
        rows.map((r) => ({ participantId: r.id, displayName: r.display_name, groupId: r.group_id, territoryType: r.territory_type, category: r.category, gender: r.gender })),
      );
  }
}
