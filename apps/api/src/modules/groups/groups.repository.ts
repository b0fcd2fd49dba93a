import { In, type DeepPartial, type EntityManager } from 'typeorm';
import type { GroupMemberView, SynthesisContent } from '@palabre/contracts';
import { Activity } from '../sessions/activity.entity';
import { Participant } from '../sessions/participant.entities';
import { GroupSeedCard, SynthesisComment, WorkingGroup } from './working-group.entities';

/** A member who may be placed, with their roster attributes when they have any. */
export interface PlaceableRow {
  id: string;
  display_name: string;
  email: string | null;
  group_id: string | null;
  territory_type: string | null;
  category: string | null;
  gender: string | null;
}

/** A member of a group, for its details. */
export interface GroupMemberRow {
  id: string;
  display_name: string;
  group_id: string;
}

/** A `groups` activity of the outcomes. */
export interface OutcomeGroupsRow {
  id: string;
  title: string;
}

/** A working group of the outcomes, with its rapporteur's name and its member count. */
export interface OutcomeGroupRow {
  id: string;
  activity_id: string;
  name: string;
  synthesis: SynthesisContent;
  synthesis_state: string;
  rapporteur: string | null;
  members: number;
}

/** What a group's row may change (TypeORM `update`). */
type GroupChanges = Partial<Pick<WorkingGroup, 'name' | 'capacity' | 'rapporteurParticipantId' | 'facilitatorParticipantIds' | 'synthesis' | 'synthesisState' | 'synthesisUpdatedAt'>>;

/** The groups module's SQL and TypeORM queries: working groups, placement, syntheses, seed cards (issue #20). */
export const groupsRepository = {
  // Groups

  /** A group of the session, row-locked for the transaction. */
  lockGroup(m: EntityManager, sessionId: string, groupId: string): Promise<WorkingGroup | null> {
    return m.getRepository(WorkingGroup).findOne({ where: { id: groupId, sessionId }, lock: { mode: 'pessimistic_write' } });
  },

  /** The groups of a `groups` activity, row-locked, in order. */
  lockGroupsOf(m: EntityManager, activityId: string): Promise<WorkingGroup[]> {
    return m.getRepository(WorkingGroup).find({ where: { activityId }, order: { position: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  },

  findGroup(m: EntityManager, groupId: string): Promise<WorkingGroup | null> {
    return m.getRepository(WorkingGroup).findOneBy({ id: groupId });
  },

  /** The groups of a `groups` activity, in order. */
  groupsOf(m: EntityManager, activityId: string): Promise<WorkingGroup[]> {
    return m.getRepository(WorkingGroup).find({ where: { activityId }, order: { position: 'ASC' } });
  },

  groupsByIds(m: EntityManager, groupIds: string[]): Promise<WorkingGroup[]> {
    return m.getRepository(WorkingGroup).findBy({ id: In(groupIds) });
  },

  /** The groups of a `groups` activity whose synthesis is validated, in order. */
  validatedGroups(m: EntityManager, activityId: string): Promise<WorkingGroup[]> {
    return m.getRepository(WorkingGroup).find({ where: { activityId, synthesisState: 'validated' }, order: { position: 'ASC' } });
  },

  /** Creates and saves a new group. */
  createGroup(m: EntityManager, group: DeepPartial<WorkingGroup>): Promise<WorkingGroup> {
    const repo = m.getRepository(WorkingGroup);
    return repo.save(repo.create(group));
  },

  async updateGroup(m: EntityManager, groupId: string, changes: GroupChanges): Promise<void> {
    await m.getRepository(WorkingGroup).update(groupId, changes);
  },

  async deleteGroupsOf(m: EntityManager, activityId: string): Promise<void> {
    await m.getRepository(WorkingGroup).delete({ activityId });
  },

  /** A rapporteur who leaves their group stops being its rapporteur. */
  async dropRapporteurs(m: EntityManager, participantIds: string[]): Promise<void> {
    await m.getRepository(WorkingGroup).update({ rapporteurParticipantId: In(participantIds) }, { rapporteurParticipantId: null });
  },

  /** Members per group (revoked participants do not count). */
  async memberCounts(m: EntityManager, groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows: { group_id: string; n: string }[] = await m.query(
      `SELECT group_id, count(*) AS n FROM participant WHERE group_id = ANY($1::uuid[]) AND revoked_at IS NULL GROUP BY group_id`,
      [groupIds],
    );
    return new Map(rows.map((row) => [row.group_id, Number(row.n)]));
  },

  // Activities

  /** The `groups` activity of this session. */
  findGroupsActivity(m: EntityManager, sessionId: string, activityId: string): Promise<Activity | null> {
    return m.getRepository(Activity).findOneBy({ id: activityId, sessionId, kind: 'groups' });
  },

  /** The activities a group owns, in agenda order. */
  groupOwnedActivities(m: EntityManager, sessionId: string, groupId: string): Promise<Activity[]> {
    return m.getRepository(Activity).find({ where: { sessionId, groupId }, order: { position: 'ASC' } });
  },

  /** A board of this group. */
  findGroupBoard(m: EntityManager, sessionId: string, groupId: string, boardActivityId: string): Promise<Activity | null> {
    return m.getRepository(Activity).findOneBy({ id: boardActivityId, sessionId, groupId, kind: 'board' });
  },

  /** Whether any group of this `groups` activity owns an activity (board, survey). */
  async ownsActivities(m: EntityManager, groupsActivityId: string): Promise<boolean> {
    const owned: unknown[] = await m.query(
      'SELECT 1 FROM activity a JOIN working_group g ON g.id = a.group_id WHERE g.activity_id = $1 LIMIT 1',
      [groupsActivityId],
    );
    return owned.length > 0;
  },

  /** The ids of the activities the groups of this `groups` activity own, in agenda order. */
  async ownedActivityIds(m: EntityManager, groupsActivityId: string): Promise<string[]> {
    const owned: { id: string }[] = await m.query(
      'SELECT a.id FROM activity a JOIN working_group g ON g.id = a.group_id WHERE g.activity_id = $1 ORDER BY a.position, a.id',
      [groupsActivityId],
    );
    return owned.map(({ id }) => id);
  },

  async setActivityState(m: EntityManager, activityId: string, state: 'live' | 'report_back'): Promise<void> {
    await m.getRepository(Activity).update(activityId, { state });
  },

  /** How many activities the session's agenda holds. */
  async activityCount(m: EntityManager, sessionId: string): Promise<number> {
    const agenda: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM activity WHERE session_id = $1', [sessionId]);
    return agenda[0].n;
  },

  // Session settings

  async openReportBack(m: EntityManager, sessionId: string): Promise<void> {
    await m.query(`UPDATE session SET settings = settings || '{"reportBackOpen": true}'::jsonb WHERE id = $1`, [sessionId]);
  },

  async setPresentedGroup(m: EntityManager, sessionId: string, groupId: string | null): Promise<void> {
    await m.query(`UPDATE session SET settings = settings || jsonb_build_object('presentedGroupId', $2::text) WHERE id = $1`, [sessionId, groupId]);
  },

  // Participants

  findSessionParticipant(m: EntityManager, participantId: string, sessionId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOneBy({ id: participantId, sessionId });
  },

  /** A participant of the session who belongs to this group. */
  findGroupMember(m: EntityManager, participantId: string, sessionId: string, groupId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOneBy({ id: participantId, sessionId, groupId });
  },

  async setParticipantGroup(m: EntityManager, participantId: string, groupId: string | null): Promise<void> {
    await m.getRepository(Participant).update(participantId, { groupId });
  },

  /** One statement for the whole draw (300 members): arrays zipped into rows. */
  async moveParticipants(m: EntityManager, participantIds: string[], groupIds: (string | null)[]): Promise<void> {
    await m.query(
      `UPDATE participant p SET group_id = v.group_id FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::uuid[]) AS group_id) v WHERE p.id = v.id`,
      [participantIds, groupIds],
    );
  },

  /** Members (not staff, not screens, not revoked) with their roster attributes when they have any. */
  placeable(m: EntityManager, sessionId: string): Promise<PlaceableRow[]> {
    return m.query(
      `SELECT p.id, p.display_name, m.email, p.group_id, m.territory_type, m.category, m.gender
         FROM participant p LEFT JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL ORDER BY p.id`,
      [sessionId],
    );
  },

  /** The members of these groups by name (revoked participants left out). */
  groupMembers(m: EntityManager, groupIds: string[]): Promise<GroupMemberRow[]> {
    return m.query(
      `SELECT id, display_name, group_id FROM participant WHERE group_id = ANY($1::uuid[]) AND revoked_at IS NULL ORDER BY display_name`,
      [groupIds],
    );
  },

  /** The first member of the group by name. */
  async firstMember(m: EntityManager, groupId: string): Promise<{ id: string } | undefined> {
    const first: { id: string }[] = await m.query('SELECT id FROM participant WHERE group_id = $1 ORDER BY display_name LIMIT 1', [groupId]);
    return first[0];
  },

  /** Names of these participants, whatever their group now. */
  async displayNames(m: EntityManager, participantIds: string[]): Promise<Map<string, string>> {
    const authors: { id: string; display_name: string }[] = participantIds.length
      ? await m.query('SELECT id, display_name FROM participant WHERE id = ANY($1::uuid[])', [participantIds])
      : [];
    return new Map(authors.map((author) => [author.id, author.display_name]));
  },

  /** The session's members with their group and roster attributes, by name. */
  async roster(m: EntityManager, sessionId: string): Promise<GroupMemberView[]> {
    const rows: { id: string; display_name: string; group_id: string | null; territory_type: string | null; category: string | null; gender: string | null }[] = await m.query(
      `SELECT p.id, p.display_name, p.group_id, m.territory_type, m.category, m.gender
         FROM participant p LEFT JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL ORDER BY p.display_name`,
      [sessionId],
    );
    return rows.map((row) => ({ participantId: row.id, displayName: row.display_name, groupId: row.group_id, territoryType: row.territory_type, category: row.category, gender: row.gender }));
  },

  // Syntheses and seed cards

  /** Creates and saves a comment on a synthesis. */
  createComment(m: EntityManager, comment: DeepPartial<SynthesisComment>): Promise<SynthesisComment> {
    const repo = m.getRepository(SynthesisComment);
    return repo.save(repo.create(comment));
  },

  /** The comments on these groups' syntheses, oldest first. */
  commentsOf(m: EntityManager, groupIds: string[]): Promise<SynthesisComment[]> {
    return m.getRepository(SynthesisComment).find({ where: { groupId: In(groupIds) }, order: { createdAt: 'ASC' } });
  },

  /** Creates and saves a starting card kept by the group. */
  createSeedCard(m: EntityManager, card: DeepPartial<GroupSeedCard>): Promise<GroupSeedCard> {
    const repo = m.getRepository(GroupSeedCard);
    return repo.save(repo.create(card));
  },

  /** These groups' starting cards, oldest first. */
  seedCardsOf(m: EntityManager, groupIds: string[]): Promise<GroupSeedCard[]> {
    return m.getRepository(GroupSeedCard).find({ where: { groupId: In(groupIds) }, order: { createdAt: 'ASC' } });
  },

  // Outcomes

  /** The session's `groups` activities in agenda order. */
  outcomeGroupsActivities(m: EntityManager, sessionId: string): Promise<OutcomeGroupsRow[]> {
    return m.query(
      `SELECT id, title FROM activity WHERE session_id = $1 AND kind = 'groups' ORDER BY position, id`,
      [sessionId],
    );
  },

  /** The groups of these activities, with rapporteur and member count. */
  outcomeGroups(m: EntityManager, activityIds: string[]): Promise<OutcomeGroupRow[]> {
    return m.query(
      `SELECT g.id, g.activity_id, g.name, g.synthesis, g.synthesis_state, r.display_name AS rapporteur,
              (SELECT count(*)::int FROM participant m WHERE m.group_id = g.id AND m.revoked_at IS NULL) AS members
         FROM working_group g LEFT JOIN participant r ON r.id = g.rapporteur_participant_id
        WHERE g.activity_id = ANY($1::uuid[]) ORDER BY g.position, g.id`,
      [activityIds],
    );
  },
};
