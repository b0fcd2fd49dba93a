import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../lib/socket';

/**
 * Says when live updates are paused. A status region, so the change is announced politely;
 * nothing is shown while online.
 */
export function ConnectionBanner({ state, pending = 0 }: { state: ConnectionState; pending?: number }) {
  const { t } = useTranslation('common');
  const visible = state === 'reconnecting' || state === 'offline';
  return (
    <div role="status" className={visible ? `banner banner-${state}` : 'banner-idle'}>
      {visible && (
        <>
          <span>{t(`connection.${state}`)}</span>
          {pending > 0 && <span> {t('connection.pending', { count: pending })}</span>}
        </>
      )}
    </div>
  );
}
