import { z } from 'zod';
import { Uuid, Versioned } from '../common';
import { ROOM_LIMITS, ScreenState, RoomState, TimerView } from '../room/schemas';
import { command, event } from './define';
import { ActivitySummary } from '../rest/sessions';

const ServerNow = z.string().describe('Server clock (ISO) at emission, to compute the countdown offset');
const StartOptions = {
  autoClose: z.boolean().default(false).describe('Close the activity automatically at zero (10-second warning first)'),
  durationSeconds: z.number().int().min(1).max(ROOM_LIMITS.durationSecondsMax).optional().describe('Overrides the planned duration'),
  closePrevious: z.boolean().default(true).describe('Close the activity that was current'),
};

export const ROOM_COMMANDS = {
  'activity.plan': command(
    { activityId: Uuid, plannedMinutes: z.number().int().min(1).max(ROOM_LIMITS.plannedMinutesMax).nullable() },
    RoomState,
    'Staff: set (or clear) the planned duration of an agenda item.',
  ),
  'agenda.startNext': command(
    {
      fromActivityId: Uuid.nullable().describe('The current activity as the caller saw it: if another facilitator moved on meanwhile, nothing happens'),
      ...StartOptions,
    },
    RoomState,
    'Staff: start the next plenary item: open it, show it on screen, start its countdown.',
  ),
  'activity.start': command({ activityId: Uuid, ...StartOptions }, RoomState, 'Staff: start a given item (same effects as agenda.startNext).'),
  'activity.open': command({ activityId: Uuid }, ActivitySummary, 'Staff: open an activity for members (no timer, no screen change).'),
  'activity.close': command({ activityId: Uuid }, ActivitySummary, 'Staff: close an activity; a second close is a no-op.'),
  'timer.extend': command({ seconds: z.number().int().min(1).max(ROOM_LIMITS.extendSecondsMax) }, RoomState, 'Staff: add time to the running (or paused) countdown.'),
  'timer.pause': command({}, RoomState, 'Staff: pause the countdown (no-op when paused).'),
  'timer.resume': command({}, RoomState, 'Staff: resume a paused countdown (no-op when running).'),
  'screen.show': command({ screen: ScreenState }, RoomState, 'Staff: choose what the projector screens show.'),
  'room.setQuorum': command({ quorumPercent: z.number().int().min(1).max(100).nullable() }, RoomState, 'Staff: set the quorum indicator threshold (percent of expected members present).'),
  'presence.confirm': command({}, z.object({ confirmed: z.literal(true) }), 'Member: confirm one’s presence (roster sessions).'),
} as const;

export const ROOM_EVENTS = {
  'screen.changed': event(Versioned.extend({ screen: ScreenState }), 'session', 'The projector screens must show another view.'),
  'agenda.current': event(
    Versioned.extend({ currentActivityId: Uuid.nullable(), timer: TimerView.nullable(), serverNow: ServerNow }),
    'session',
    'Another agenda item became current.',
  ),
  'agenda.planned': event(Versioned.extend({ plan: RoomState.shape.plan }), 'staff', 'Planned durations changed.', true),
  'timer.updated': event(Versioned.extend({ timer: TimerView.nullable(), serverNow: ServerNow }), 'session', 'The countdown was started, extended, paused, resumed or stopped.'),
  'timer.warning': event(
    Versioned.extend({ activityId: Uuid, endsAt: z.string(), serverNow: ServerNow }),
    'session',
    'Ten seconds before an automatic close.',
  ),
  'activity.autoClosed': event(Versioned.extend({ activityId: Uuid }), 'session', 'The countdown reached zero and closed the activity.'),
  'room.quorum': event(Versioned.extend({ quorumPercent: z.number().int().nullable() }), 'staff', 'The quorum threshold changed.', true),
  'attendance.changed': event(Versioned.extend({ participantId: Uuid }), 'staff', 'A member confirmed presence: refetch the attendance figures.', true),
} as const;
