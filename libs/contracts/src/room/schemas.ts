import { z } from 'zod';
import { Uuid, text } from '../common';
import { MemberCategory, TerritoryType } from '../enums';

import { ROOM_LIMITS } from '../limits';

export { ROOM_LIMITS };

export const ScreenView = z.enum(['welcome', 'activity', 'results', 'ideas', 'synthesis', 'qna', 'message']);
export type ScreenView = z.infer<typeof ScreenView>;

/** What the projector screens show. Every screen of the session follows the same state. */
export const ScreenState = z
  .object({
    view: ScreenView,
    activityId: Uuid.optional().describe('activity, results, ideas, synthesis, qna: the activity shown'),
    questionId: Uuid.optional().describe('qna: a specific question (defaults to the one "en cours")'),
    message: text(1, ROOM_LIMITS.messageMax).optional().describe('message: free text shown large'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.view === 'message' && !s.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'a message is required' });
    if (['activity', 'results', 'ideas', 'synthesis', 'qna'].includes(s.view) && !s.activityId) {
      ctx.addIssue({ code: 'custom', path: ['activityId'], message: 'an activity is required' });
    }
  });
export type ScreenState = z.infer<typeof ScreenState>;

/**
 * The countdown of the current activity. Clients compute the remaining time from `endsAt`
 * and the offset between their clock and `serverNow` (carried by every timer event).
 */
export const TimerView = z.object({
  activityId: Uuid,
  endsAt: z.string().nullable().describe('ISO instant the countdown reaches zero; null while paused'),
  pausedRemainingMs: z.number().int().nonnegative().nullable().describe('Remaining time while paused'),
  durationMs: z.number().int().positive().describe('Total planned duration including extensions, for progress bars'),
  autoClose: z.boolean().describe('The activity closes itself at zero, after a 10-second warning'),
});
export type TimerView = z.infer<typeof TimerView>;

export const RoomState = z.object({
  currentActivityId: Uuid.nullable(),
  screen: ScreenState,
  timer: TimerView.nullable(),
  plan: z.record(z.string(), z.number().int().positive()).describe('Planned minutes by activity id'),
  quorumPercent: z.number().int().min(1).max(100).nullable(),
  serverNow: z.string().describe('Server clock (ISO) when this state was read'),
});
export type RoomState = z.infer<typeof RoomState>;

/** Snapshot part `features.room`. */
export const RoomSnapshot = RoomState.extend({
  presentConfirmed: z.boolean().describe('The caller confirmed their presence'),
});
export type RoomSnapshot = z.infer<typeof RoomSnapshot>;

export const AttendanceCount = z.object({
  expected: z.number().int().describe('Roster participants (members invited to the session)'),
  present: z.number().int().describe('Members who confirmed their presence or joined'),
  connected: z.number().int().describe('Members connected right now'),
});
export type AttendanceCount = z.infer<typeof AttendanceCount>;

export const Attendance = AttendanceCount.extend({
  quorumPercent: z.number().int().nullable(),
  quorumReached: z.boolean().nullable().describe('present / expected ≥ quorum; null without a quorum or without a roster'),
  byTerritoryType: z.array(AttendanceCount.extend({ territoryType: TerritoryType })),
  byCategory: z.array(AttendanceCount.extend({ category: MemberCategory })),
});
export type Attendance = z.infer<typeof Attendance>;
