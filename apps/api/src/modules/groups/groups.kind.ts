import { GroupsConfig } from '@palabre/contracts';
import type { ActivityKindContract } from '../sessions/activity-kinds';
import { AppError } from '../../common/errors/app-error';
import { parseWith } from '../../common/validation';
import { WorkingGroup } from './working-group.entity';

/** The `groups` activity kind: its config names the groups; creating it creates them. */
export const groupsKind: Pick<ActivityKindContract, 'create' | 'remove'> = {
  async create(tx, activity, config) {
    // The plenary splits into groups: a groups activity cannot itself belong to a group.
    if (activity.groupId) throw new AppError('VALIDATION_FAILED', [{ path: 'groupId', message: 'a groups activity belongs to the plenary' }]);
    const parsed = parseWith(GroupsConfig, config ?? {});
    const repo = tx.manager.getRepository(WorkingGroup);
    for (const [position, g] of parsed.groups.entries()) {
      await repo.save(repo.create({ activityId: activity.id, sessionId: activity.sessionId, name: g.name, position, capacity: g.capacity }));
    }
    return parsed;
  },
  async remove(tx, activity) {
    const owned: unknown[] = await tx.manager.query(
      'SELECT 1 FROM activity a JOIN working_group g ON g.id = a.group_id WHERE g.activity_id = $1 LIMIT 1',
      [activity.id],
    );
    // A group's own boards and surveys are its record: remove them first.
    if (owned.length > 0) throw new AppError('INVALID_TRANSITION');
    await tx.manager.getRepository(WorkingGroup).delete({ activityId: activity.id });
  },
};
