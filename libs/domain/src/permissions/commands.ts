import type { CommandName, ParticipantRole } from '@palabre/contracts';

const STAFF = ['facilitator', 'organiser'] as const satisfies readonly ParticipantRole[];
const MEMBERS = ['member', 'facilitator', 'organiser'] as const satisfies readonly ParticipantRole[];

/**
 * Which session roles may send each socket command. Exhaustive: a new command
 * in the contracts fails to compile until it is given its roles here.
 * Observers (projector screens, press) never send commands.
 */
export const COMMAND_ROLES: Record<CommandName, readonly ParticipantRole[]> = {
  'session.transition': STAFF,
  'activity.create': STAFF,
  'activity.update': STAFF,
  'activity.move': STAFF,
  'activity.delete': STAFF,
  'participant.revoke': STAFF,
};

export function canSend(command: CommandName, role: ParticipantRole): boolean {
  return COMMAND_ROLES[command].includes(role);
}

/** Roles that see staff-only information (who is online, moderation queues, hidden results). */
export function isStaffRole(role: ParticipantRole): boolean {
  return role === 'facilitator' || role === 'organiser';
}

export { MEMBERS as CONTRIBUTOR_ROLES, STAFF as STAFF_ROLES };
