import type { ParticipantRole } from '@palabre/contracts';
import { isStaffRole } from './commands';

export interface GroupAccessInput {
  role: ParticipantRole;
  /** The actor's working group, if any. */
  actorGroupId: string | null;
  /** The activity's working group; null for plenary activities. */
  activityGroupId: string | null;
  /** Report-back opened: every group's work becomes readable (not writable) to all. */
  reportBackOpen: boolean;
}

/**
 * Working-group isolation: a member sees and acts only in plenary activities and their own
 * group's, until the report-back makes the other groups readable. Staff see all. A screen (an
 * observer, in no group) sees what the projector may show: the plenary, and the groups' work
 * once the report-back is open.
 */
export function canReadActivity(i: GroupAccessInput): boolean {
  if (i.activityGroupId === null || isStaffRole(i.role)) return true;
  return i.actorGroupId === i.activityGroupId || i.reportBackOpen;
}

export function canWriteActivity(i: GroupAccessInput): boolean {
  if (i.activityGroupId === null || isStaffRole(i.role)) return true;
  return i.actorGroupId === i.activityGroupId;
}
