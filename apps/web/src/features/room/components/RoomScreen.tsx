import type { ReactNode } from 'react';
import { useSessionSnapshot } from '../../../lib/live';
import { currentActivity } from '../../session/activities';
import { ActivityPanel } from '../../session/components/ActivityPanel';
import { useRoom } from '../hooks/useRoom';
import { Countdown } from './Countdown';

/**
 * The projector body, switched by the screen state every screen follows. The welcome view
 * (join code and QR) is the shell's; activity views come from each feature's screen view.
 */
export function RoomScreen({ welcome }: { welcome: ReactNode }) {
  const room = useRoom();
  const activities = useSessionSnapshot((s) => s.activities).data ?? [];
  const { screen } = room;
  // Until a facilitator chooses what to show, the screen shows how to join beside the current activity.
  const current = currentActivity(activities, room.currentActivityId);
  let body: ReactNode = current ? (
    <div className="screen-body">
      {welcome}
      <div className="screen-activity" data-screen-view="current">
        <ActivityPanel activity={current} surface="screen" />
      </div>
    </div>
  ) : (
    welcome
  );
  if (screen.view === 'message') body = <p className="screen-message">{screen.message}</p>;
  else if (screen.view !== 'welcome') {
    const activity = activities.find((a) => a.id === screen.activityId);
    body = activity ? (
      <div className="screen-activity" data-screen-view={screen.view}>
        <ActivityPanel activity={activity} surface="screen" />
      </div>
    ) : (
      body
    );
  }
  return (
    <div className="stack" data-testid="screen-state" data-view={screen.view}>
      <Countdown large />
      {body}
    </div>
  );
}
