import { GroupsConfig } from '@palabre/contracts';
import type { ActivityKindContract } from '../sessions/activity-kinds';
import { AppError } from '../../common/errors/app-error';
import { parseWith } from '../../common/validation';
import { groupsRepository } from './groups.repository';

/** The `groups` activity kind: its config names the groups; creating it creates them. */
export const groupsKind: Pick<ActivityKindContract, 'create' | 'remove'> = {
  async create(tx, activity, config) {
    // The plenary splits into groups: a groups activity cannot itself belong to a group.
    if (activity.groupId) throw new AppError('VALIDATION_FAILED', [{ path: 'groupId', message: 'a groups activity belongs to the plenary' }]);
    const parsed = parseWith(GroupsConfig, config ?? {});
    for (const [position, group] of parsed.groups.entries()) {
      await groupsRepository.createGroup(tx.manager, { activityId: activity.id, sessionId: activity.sessionId, name: group.name, position, capacity: group.capacity });
    }
    return parsed;
  },
  async remove(tx, activity) {
    // A group's own boards and surveys are its record: remove them first.
    if (await groupsRepository.ownsActivities(tx.manager, activity.id)) throw new AppError('INVALID_TRANSITION');
    await groupsRepository.deleteGroupsOf(tx.manager, activity.id);
  },
};
