import type { RoomState as RoomStateView, TimerView } from '@palabre/contracts';
import type { RoomState } from './room.entities';

export function toTimerView(r: RoomState): TimerView | null {
  if (!r.timerActivityId || r.timerDurationMs === null) return null;
  return {
    activityId: r.timerActivityId,
    endsAt: r.timerEndsAt ? new Date(r.timerEndsAt).toISOString() : null,
    pausedRemainingMs: r.timerPausedMs,
    durationMs: r.timerDurationMs,
    autoClose: r.timerAutoClose,
  };
}

export function toRoomView(r: RoomState, now = new Date()): RoomStateView {
  return {
    currentActivityId: r.currentActivityId,
    screen: r.screen,
    timer: toTimerView(r),
    plan: r.plan,
    quorumPercent: r.quorumPercent,
    serverNow: now.toISOString(),
  };
}

/** Fields that stop the countdown. */
export const NO_TIMER = {
  timerActivityId: null,
  timerEndsAt: null,
  timerPausedMs: null,
  timerDurationMs: null,
  timerAutoClose: false,
  timerWarned: false,
} as const;
