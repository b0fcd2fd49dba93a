import type { ActivitySummary, RoomSnapshot, ScreenView } from '@palabre/contracts';

/**
 * What the projector shows, decided once from the room state every screen follows. The
 * projector renders it; the console's screen control, the presenter keys and the confidence
 * monitor describe it, so "what is on the screen" is the state the screens obey, never the
 * console's last click. `welcome` is the join screen (code and QR code), nothing else.
 */
export type Projection =
  | { kind: 'welcome' }
  | { kind: 'message'; message: string }
  | { kind: 'activity'; view: ScreenView; activity: ActivitySummary };

export function projection(room: Pick<RoomSnapshot, 'screen'>, activities: readonly ActivitySummary[]): Projection {
  const { screen } = room;
  if (screen.view === 'message') return { kind: 'message', message: screen.message ?? '' };
  const activity = screen.view === 'welcome' ? undefined : activities.find((a) => a.id === screen.activityId);
  return activity ? { kind: 'activity', view: screen.view, activity } : { kind: 'welcome' };
}
