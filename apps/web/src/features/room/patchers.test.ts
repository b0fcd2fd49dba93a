import { describe, expect, it } from 'vitest';
import { EMPTY_ROOM, formatClock, remainingMs } from './patchers';

describe('countdown arithmetic', () => {
  const timer = { activityId: '00000000-0000-4000-8000-00000000000a', endsAt: '2026-12-03T10:02:00.000Z', pausedRemainingMs: null, durationMs: 120_000, autoClose: true };

  it('counts down from the server end time, corrected by the clock offset', () => {
    const room = { ...EMPTY_ROOM, timer };
    const deviceNow = Date.parse('2026-12-03T10:00:30.000Z');
    // This device is 30 s behind the server: 90 s are left, not 120.
    expect(remainingMs(room, 30_000, deviceNow - 30_000)).toBe(90_000);
    expect(remainingMs(room, 0, Date.parse('2026-12-03T10:05:00.000Z'))).toBe(0);
  });

  it('shows the frozen remaining time while paused', () => {
    expect(remainingMs({ ...EMPTY_ROOM, timer: { ...timer, endsAt: null, pausedRemainingMs: 42_000 } }, 0)).toBe(42_000);
    expect(remainingMs(EMPTY_ROOM, 0)).toBeNull();
  });

  it('formats minutes and seconds, rounding up the last second', () => {
    expect(formatClock(90_000)).toBe('01:30');
    expect(formatClock(9_001)).toBe('00:10');
    expect(formatClock(0)).toBe('00:00');
  });
});
