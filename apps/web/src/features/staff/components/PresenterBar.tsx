import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionSnapshot } from '../../../lib/live';
import { AgendaControls } from '../../room/components/AgendaControls';
import { ScreenControl } from '../../room/components/ScreenControl';
import { useRoom } from '../../room/hooks/useRoom';
import { PresenterQuestion } from '../../surveys/components/PresenterQuestion';

/**
 * The facilitator's run controls, above everything else and within one laptop screen: the
 * agenda (previous / next, timer), the current question (open, close, publish) and the
 * projector. Single-key shortcuts N, B, O, P and S (docs/presenter.md).
 */
export function PresenterBar({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('staff');
  const room = useRoom();
  const current = useSessionSnapshot((s) => s.activities.find((a) => a.id === room.currentActivityId)).data;
  return (
    <div className="presenter-bar" role="group" aria-label={t('presenter.title')}>
      <AgendaControls />
      <section className="card stack presenter-part" aria-labelledby="presenter-question-heading">
        <h2 id="presenter-question-heading">{t('presenter.question')}</h2>
        {current?.kind === 'survey' ? <PresenterQuestion activity={current} /> : <p className="muted">{t('presenter.noQuestion')}</p>}
        <p className="hint" id="presenter-keys">
          {t('presenter.keys')}{' '}
          <Link to={`/staff/sessions/${sessionId}/monitor`} target="_blank" rel="noopener">
            {t('presenter.monitor')}
          </Link>
        </p>
      </section>
      <ScreenControl />
    </div>
  );
}
