import type { RoomState as RoomStateView, TimerView } from '@palabre/contracts';
import type { RoomState } from './room.entities';

export function toTimerView(state: RoomState): TimerView | null {
  if (!state.timerActivityId || state.timerDurationMs === null) return null;
  return {
    activityId: state.timerActivityId,
    endsAt: state.timerEndsAt ? new Date(state.timerEndsAt).toISOString() : null,
    pausedRemainingMs: state.timerPausedMs,
    durationMs: state.timerDurationMs,
    autoClose: state.timerAutoClose,
  };
}

export function toRoomView(state: RoomState, now = new Date()): RoomStateView {
  return {
    currentActivityId: state.currentActivityId,
    screen: state.screen,
    timer: toTimerView(state),
    plan: state.plan,
    quorumPercent: state.quorumPercent,
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
