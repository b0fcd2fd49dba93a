import type { GroupDetail, GroupsActivityView, GroupsSnapshot, SessionSnapshot, WorkingGroupView } from '@palabre/contracts';
import { useEffect } from 'react';
import { useSessionSnapshot } from '../../../lib/live';
import { groupsState } from '../patchers';

export interface GroupsData {
  snapshot: SessionSnapshot;
  state: GroupsSnapshot;
  view: GroupsActivityView | undefined;
  groups: WorkingGroupView[];
  detail: (groupId: string) => GroupDetail | undefined;
  myGroup: WorkingGroupView | undefined;
}

/** The groups of one `groups` activity, the actor's own group and the details they may read. */
export function useGroups(activityId: string): GroupsData | undefined {
  const { data: snapshot, refetch } = useSessionSnapshot();
  const myGroupId = snapshot?.me.groupId ?? null;
  const missing = myGroupId !== null && snapshot !== undefined && !groupsState(snapshot)?.details.some((d) => d.groupId === myGroupId);
  // Just placed in a group: its details (members, synthesis, comments) come with a fresh snapshot.
  useEffect(() => {
    if (missing) void refetch();
  }, [missing, myGroupId, refetch]);
  if (!snapshot) return undefined;
  const state = groupsState(snapshot);
  if (!state) return undefined;
  const view = state.activities.find((a) => a.activityId === activityId);
  const groups = view?.groups ?? [];
  return {
    snapshot,
    state,
    view,
    groups,
    detail: (groupId) => state.details.find((d) => d.groupId === groupId),
    myGroup: groups.find((g) => g.id === snapshot.me.groupId),
  };
}
