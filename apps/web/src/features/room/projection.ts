import type { ActivitySummary, RoomSnapshot, ScreenView } from '@palabre/contracts';
import { currentActivity } from '../session/activities';

/**
 * What the projector shows, decided once from the room state every screen follows. The
 * projector renders it and the console, presenter bar and confidence monitor describe it, so
 * "what is on the screen" is never the console's last click but the state the screens obey.
 */
export type Projection =
  | { kind: 'welcome' }
  | { kind: 'message'; message: string }
  /** `view` is the screen view chosen; `following` when the screen follows the agenda's current item. */
  | { kind: 'activity'; view: ScreenView; activity: ActivitySummary; following: boolean };

export function projection(room: Pick<RoomSnapshot, 'screen' | 'currentActivityId'>, activities: readonly ActivitySummary[]): Projection {
  const { screen } = room;
  if (screen.view === 'message') return { kind: 'message', message: screen.message ?? '' };
  if (screen.view !== 'welcome') {
    const chosen = activities.find((a) => a.id === screen.activityId);
    if (chosen) return { kind: 'activity', view: screen.view, activity: chosen, following: false };
  }
  // Until a facilitator chooses what to show, the screen follows the agenda's current item.
  const current = currentActivity(activities, room.currentActivityId);
  return current ? { kind: 'activity', view: 'activity', activity: current, following: true } : { kind: 'welcome' };
}
