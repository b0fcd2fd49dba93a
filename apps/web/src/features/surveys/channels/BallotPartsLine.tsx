import { useTranslation } from 'react-i18next';
import type { LiveResults } from '@palabre/contracts';

/**
 * How the ballots were cast (docs/proxies.md): phone, proxy, assisted, paper, and the total. Shown
 * on the projector and the console once any ballot came another way than the member's own phone.
 */
export function BallotPartsLine({ live, className }: { live: LiveResults | undefined; className?: string }) {
  const { t } = useTranslation('surveys');
  const parts = live?.parts;
  if (!parts || parts.proxy + parts.assisted + parts.paper === 0) return null;
  const shown = (['device', 'proxy', 'assisted', 'paper'] as const).filter((k) => k === 'device' || parts[k] > 0);
  return (
    <p className={className ?? 'ballot-parts'} data-testid="ballot-parts">
      {shown.map((k) => t(`parts.${k}`, { count: parts[k] })).join(' · ')} · <strong>{t('parts.total', { count: live.ballots })}</strong>
    </p>
  );
}

/** A roll call's progress (« appel nominal »: n of N members called), on the projector and the console. */
export function RollCallLine({ live, className }: { live: LiveResults | undefined; className?: string }) {
  const { t } = useTranslation('surveys');
  if (!live?.rollCall) return null;
  return (
    <p className={className ?? 'rollcall-progress'} data-testid="rollcall-progress" aria-live="polite">
      {t('rollCall.progress', { called: live.rollCall.called, total: live.rollCall.total })}
    </p>
  );
}
