import { z } from 'zod';
import { ActivityKind, SessionState } from '../enums';
import { Uuid, Versioned, text } from '../common';
import { ActivitySummary, PresenceView, SessionSummary } from '../rest/sessions';
import { DuplicateGroup } from '../rest/identity';
import { command, event } from './define';

export const CORE_COMMANDS = {
  'session.transition': command(
    { to: SessionState.exclude(['archived']).describe('Target state; archiving is done by sealing') },
    SessionSummary,
    'Move the session through draft → live → closed (and back from closed to live).',
  ),
  'activity.create': command(
    {
      kind: ActivityKind,
      title: text(1, 160),
      groupId: Uuid.optional().describe('Working group owning this activity; plenary when omitted'),
      config: z.record(z.string(), z.unknown()).optional().describe('Kind-specific settings, validated by the kind'),
    },
    ActivitySummary,
    'Add an activity at the end of the agenda.',
  ),
  'activity.update': command({ activityId: Uuid, title: text(1, 160) }, ActivitySummary, 'Rename an activity.'),
  'activity.move': command(
    { activityId: Uuid, position: z.number().int().min(0).max(500) },
    z.array(ActivitySummary),
    'Move an activity to another place in the agenda.',
  ),
  'activity.delete': command({ activityId: Uuid }, z.object({ activityId: Uuid }), 'Remove a draft activity.'),
  'participant.revoke': command(
    { participantId: Uuid.describe('Participant to remove from the session') },
    z.object({ participantId: Uuid }),
    'Remove a participant: their sockets are disconnected at once and their token stops working. In an open session the browser they joined from cannot join again.',
  ),
  'participant.merge': command(
    { participantId: Uuid.describe('The duplicate to remove'), intoId: Uuid.describe('The participant to keep') },
    z.object({ participantId: Uuid, intoId: Uuid }),
    'Merge a possible duplicate into the participant kept: the duplicate is removed (its browser may rejoin and resumes as the one kept).',
  ),
  'participant.confirm': command(
    { participantId: Uuid.describe('A code joiner who picked a roster name') },
    z.object({ participantId: Uuid, memberId: Uuid }),
    'Confirm that a code joiner is the roster member they picked: they count as that member (turnout, breakdowns, verified-only questions).',
  ),
} as const;

export const CORE_EVENTS = {
  'session.updated': event(Versioned.extend({ session: SessionSummary }), 'session', 'The session title, code or state changed.'),
  'activity.created': event(Versioned.extend({ activity: ActivitySummary }), 'session', 'An activity was added to the agenda.'),
  'activity.updated': event(Versioned.extend({ activity: ActivitySummary }), 'session', 'An activity was renamed, moved or changed state.'),
  'activity.deleted': event(Versioned.extend({ activityId: Uuid }), 'session', 'An activity was removed.'),
  'presence.updated': event(
    Versioned.extend({ presence: PresenceView }),
    'session',
    'Connected count changed (staff also receive who is online). Coalesced to one per second.',
    true,
  ),
  'participant.revoked': event(
    Versioned.extend({ participantId: Uuid }),
    'participant',
    'Your access was removed; the socket is disconnected right after.',
  ),
  'duplicates.updated': event(
    Versioned.extend({ groups: z.array(DuplicateGroup) }),
    'staff',
    'Staff: the possible duplicates changed (a join, a removal, a merge). Coalesced to one per second.',
    true,
  ),
  'participant.updated': event(
    Versioned.extend({ participantId: Uuid, verified: z.boolean(), claimedMemberId: Uuid.nullable() }),
    'participant',
    'Your roster name was confirmed: you now count as that member.',
    true,
  ),
} as const;
