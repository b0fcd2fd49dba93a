import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionSnapshot } from '../../../lib/live';
import { ActivityPanel } from '../../session/components/ActivityPanel';
import { useRoom } from '../hooks/useRoom';
import { projection } from '../projection';
import { Countdown } from './Countdown';

/**
 * The projector body, switched by the screen state every screen follows (see projection.ts).
 * The welcome view (join code and QR) and the header are the shell's; activity views come from
 * each feature's screen view. The header shows the join code whenever the welcome view does not.
 */
export function RoomScreen({ welcome, header }: { welcome: ReactNode; header: (showJoin: boolean) => ReactNode }) {
  const { t } = useTranslation('room');
  const room = useRoom();
  const activities = useSessionSnapshot((s) => s.activities).data ?? [];
  const shown = projection(room, activities);
  return (
    <div className="screen-frame" data-testid="screen-state" data-view={room.screen.view} data-projection={shown.kind}>
      <div className="screen-top">
        {header(shown.kind !== 'welcome')}
        <Countdown large />
      </div>
      {shown.kind === 'welcome' && welcome}
      {shown.kind === 'message' && (
        <p className="screen-message" aria-label={t('screen.views.message')}>
          {shown.message}
        </p>
      )}
      {shown.kind === 'activity' && (
        <div className="screen-activity" data-screen-view={shown.view}>
          <ActivityPanel activity={shown.activity} surface="screen" />
        </div>
      )}
    </div>
  );
}
