import type { EntityManager } from 'typeorm';
import { canReadActivity, isScreenRole, isStaffRole } from '@palabre/domain';
import type { ActivityKind, ParticipantRole } from '@palabre/contracts';
import { readOnce } from '../../common/db/read-once';
import { rooms } from '../../common/live/rooms';
import type { Activity } from './activity.entity';
import type { Participant } from './participant.entities';
import { sessionsRepository } from './sessions.repository';

/** What the audience rule needs to know of an activity (or of a working group's own work, with its state 'open'). */
export interface AudienceSubject {
  sessionId: string;
  groupId: string | null;
  state: string;
}

/**
 * Who may see an activity at all: its group (or everyone once the report-back is open, see
 * `canReadActivity`) and, for a draft, staff only. The snapshot filters with this; `activityRooms`
 * is the same rule as rooms, for every publisher.
 */
/** A draft is the staff's alone, whatever its kind: nobody else sees it nor hears about it. */
export function isStaffOnly(activity: { state: string }): boolean {
  return activity.state === 'draft';
}

export function canSeeActivity(viewer: { role: ParticipantRole; groupId: string | null }, activity: Omit<AudienceSubject, 'sessionId'>, reportBackOpen: boolean): boolean {
  if (isStaffOnly(activity) && !isStaffRole(viewer.role)) return false;
  return canReadActivity({ role: viewer.role, actorGroupId: viewer.groupId, activityGroupId: activity.groupId, reportBackOpen });
}

/**
 * The rooms that hear about an activity's public content: staff always; for a draft, nobody else;
 * a working group's activity, the group until the report-back opens, then the whole session (and
 * its screens); a plenary activity, the whole session. Every publisher of a kind's events uses it.
 */
export function activityRooms(activity: AudienceSubject, reportBackOpen: boolean): string[] {
  const staff = rooms.staff(activity.sessionId);
  if (isStaffOnly(activity)) return [staff];
  if (activity.groupId && !reportBackOpen) return [rooms.group(activity.groupId), staff];
  return [rooms.session(activity.sessionId)];
}

/**
 * Who is shown an activity's full picture (an opinion map's dots and every statistic) rather than
 * the small summary the phones get: the staff and the session's screens (projectors).
 */
export function isDisplayRole(role: ParticipantRole): boolean {
  return isStaffRole(role) || isScreenRole(role);
}

/**
 * The rooms of an activity's displays, the part of `activityRooms` that is not a phone: staff
 * always; for a draft, or a working group's activity before the report-back (no screen belongs
 * to a group), the staff alone; else the staff and the session's screens. For what is too large
 * or too detailed for the phones, which get a summary through `activityRooms`.
 */
export function activityDisplayRooms(activity: AudienceSubject, reportBackOpen: boolean): string[] {
  const staff = rooms.staff(activity.sessionId);
  if (isStaffOnly(activity) || (activity.groupId && !reportBackOpen)) return [staff];
  return [staff, rooms.screens(activity.sessionId)];
}

/**
 * `tx.publish` options for a fact about the activity itself (created, renamed, moved, state):
 * session-wide facts bump the version as usual; scoped ones bump it too, so that people outside
 * the audience resynchronise at their next event without learning the title.
 */
export function activityEventOptions(activity: AudienceSubject, reportBackOpen: boolean): { room?: string[]; bump?: boolean } {
  const room = activityRooms(activity, reportBackOpen);
  return room.length === 1 && room[0] === rooms.session(activity.sessionId) ? {} : { room, bump: true };
}

/**
 * The session's activities in agenda order, read once per snapshot however many of its parts ask;
 * with `kind`, that kind's only. The entities are shared between the parts: read them, never change them.
 */
export async function readSessionActivities(manager: EntityManager, sessionId: string, kind?: ActivityKind): Promise<Activity[]> {
  const all = await readOnce(manager, `activities:${sessionId}`, () => sessionsRepository.activities(manager, sessionId));
  return kind ? all.filter((activity) => activity.kind === kind) : all;
}

/**
 * The session's settings (`session.settings`: each module reads its own keys), read once per snapshot
 * however many of its parts ask; empty without such a session.
 */
export async function readSessionSettings(manager: EntityManager, sessionId: string): Promise<Record<string, unknown>> {
  return (await readOnce(manager, `settings:${sessionId}`, () => sessionsRepository.settings(manager, sessionId))) ?? {};
}

/** The one reading of the report-back flag (set by the working groups in `session.settings`). */
export async function readReportBackOpen(manager: EntityManager, sessionId: string): Promise<boolean> {
  return (await readSessionSettings(manager, sessionId)).reportBackOpen === true;
}

/** The viewer's own participant row (group, suspension), read once per snapshot however many parts ask. */
export function readViewer(manager: EntityManager, participantId: string): Promise<Participant | null> {
  return readOnce(manager, `participant:${participantId}`, () => sessionsRepository.participantById(manager, participantId));
}
