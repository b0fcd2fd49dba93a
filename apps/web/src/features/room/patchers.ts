import type { RoomSnapshot, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, type SnapshotPatchers } from '../../lib/patchers';

export const EMPTY_ROOM: RoomSnapshot = {
  currentActivityId: null,
  screen: { view: 'welcome' },
  timer: null,
  plan: {},
  quorumPercent: null,
  serverNow: new Date(0).toISOString(),
  presentConfirmed: false,
};

function patchRoom(snapshot: SessionSnapshot, update: (room: RoomSnapshot) => Partial<RoomSnapshot>): SessionSnapshot {
  return patchFeature(snapshot, 'room', (current = EMPTY_ROOM) => ({ ...current, ...update(current) }));
}

/** How room events change `snapshot.features.room`. */
export const roomPatchers: SnapshotPatchers = {
  'agenda.current': (s, { currentActivityId, timer, serverNow }) => patchRoom(s, () => ({ currentActivityId, timer, serverNow })),
  'timer.updated': (s, { timer, serverNow }) => patchRoom(s, () => ({ timer, serverNow })),
  'screen.changed': (s, { screen }) => patchRoom(s, () => ({ screen })),
  'agenda.planned': (s, { plan }) => patchRoom(s, () => ({ plan })),
  'room.quorum': (s, { quorumPercent }) => patchRoom(s, () => ({ quorumPercent })),
  // Facts announced by the countdown and the agenda; the state they imply comes with their companions.
  'timer.warning': (s) => s,
  'activity.autoClosed': (s) => s,
  'attendance.changed': (s) => s,
};

/** Milliseconds left on the countdown, using the server clock offset seen at the last update. */
export function remainingMs(room: RoomSnapshot, offsetMs: number, now = Date.now()): number | null {
  const timer = room.timer;
  if (!timer) return null;
  if (timer.pausedRemainingMs !== null) return timer.pausedRemainingMs;
  if (!timer.endsAt) return null;
  return Math.max(0, new Date(timer.endsAt).getTime() - (now + offsetMs));
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
