import type { GroupDetail, GroupsSnapshot, SessionSnapshot } from '@palabre/contracts';
import { featureState, patchFeature, type SnapshotPatchers } from '../../lib/patchers';

export const GROUPS = 'groups';

export function groupsState(snapshot: SessionSnapshot): GroupsSnapshot | undefined {
  return featureState(snapshot, GROUPS);
}

function patchGroups(snapshot: SessionSnapshot, update: (g: GroupsSnapshot) => GroupsSnapshot): SessionSnapshot {
  const current = groupsState(snapshot);
  return current ? patchFeature(snapshot, GROUPS, () => update(current)) : snapshot;
}

function patchDetail(snapshot: SessionSnapshot, groupId: string, update: (d: GroupDetail) => GroupDetail): SessionSnapshot {
  return patchGroups(snapshot, (g) => ({ ...g, details: g.details.map((d) => (d.groupId === groupId ? update(d) : d)) }));
}

/** How the working-groups events change `features.groups` (and, for a moved member, their agenda). */
export const groupsPatchers: SnapshotPatchers = {
  'groups.updated': (snapshot, { activityId, groups }) =>
    patchGroups(snapshot, (g) => ({ ...g, activities: g.activities.map((a) => (a.activityId === activityId ? { ...a, groups } : a)) })),
  'group.membersMoved': (snapshot, { moves, activities }) => {
    let next = patchGroups(snapshot, (g) => {
      const name = (id: string) => g.roster?.find((m) => m.participantId === id)?.displayName;
      return {
        ...g,
        roster: g.roster?.map((m) => {
          const move = moves.find((x) => x.participantId === m.participantId);
          return move ? { ...m, groupId: move.groupId } : m;
        }),
        // Staff read every group's member list (rapporteur choice): follow the moves they know names for.
        details: g.details.map((d) => {
          const leaving = new Set(moves.filter((m) => m.groupId !== d.groupId).map((m) => m.participantId));
          const joining = moves
            .filter((m) => m.groupId === d.groupId && name(m.participantId) !== undefined && !d.members.some((x) => x.participantId === m.participantId))
            .map((m) => ({ participantId: m.participantId, displayName: name(m.participantId)! }));
          return { ...d, members: [...d.members.filter((x) => !leaving.has(x.participantId)), ...joining].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')) };
        }),
      };
    });
    const mine = moves.find((m) => m.participantId === snapshot.me.id);
    if (!mine) return next;
    const open = groupsState(snapshot)?.reportBackOpen === true;
    // Leave the former group's activities (unless the report-back made them readable), take the new ones.
    const kept = next.activities.filter((a) => a.groupId === null || open || a.groupId === mine.groupId);
    const added = (activities ?? []).filter((a) => !kept.some((k) => k.id === a.id));
    next = { ...next, me: { ...next.me, groupId: mine.groupId }, activities: [...kept, ...added].sort((a, b) => a.position - b.position) };
    return next;
  },
  'synthesis.updated': (snapshot, { groupId, synthesis }) =>
    patchDetail(snapshot, groupId, (d) => (d.synthesis.updatedAt && synthesis.updatedAt && d.synthesis.updatedAt > synthesis.updatedAt ? d : { ...d, synthesis })),
  'synthesis.commented': (snapshot, { groupId, comment }) =>
    patchDetail(snapshot, groupId, (d) => (d.comments.some((c) => c.id === comment.id) ? d : { ...d, comments: [...d.comments, comment] })),
  'group.seeded': (snapshot, { groupId, cards }) =>
    patchDetail(snapshot, groupId, (d) => ({ ...d, seedCards: [...d.seedCards.filter((c) => !cards.some((n) => n.id === c.id)), ...cards] })),
  'groups.presented': (snapshot, { presentedGroupId }) => patchGroups(snapshot, (g) => ({ ...g, presentedGroupId })),
};
