import '../floor.css';
import { useTranslation } from 'react-i18next';
import type { FloorRequestView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { formatSpeakingClock, useFloor, useFloorEvents, useFloorTimer } from '../hooks/useFloor';

/** Who the person is, as the room reads it: territory and college (and remote). */
export function SpeakerLine({ r }: { r: FloorRequestView }) {
  const { t } = useTranslation('floor');
  const parts = [r.territory, r.category ? t(`category.${r.category}`) : null, r.remote ? t('remoteShort') : null, r.stance ? t(`stance.${r.stance}`) : null].filter(Boolean);
  return <span className="floor-who">{parts.join(' · ')}</span>;
}

/** The projector: the speaker (name, territory, college), their countdown, the next three. */
export function FloorScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('floor');
  useFloorEvents();
  const list = useFloor().lists[activity.id];
  const remaining = useFloorTimer(list);
  const next = list?.waiting.slice(0, 3) ?? [];
  return (
    <section className="floor-screen" aria-label={t('screen.label')}>
      {list?.speaker ? (
        <div className="floor-speaker" data-testid="floor-speaker">
          <p className="badge">{t('screen.speaking')}</p>
          <p className="floor-speaker-name">{list.speaker.name}</p>
          <SpeakerLine r={list.speaker} />
          {remaining !== null && (
            <p className={`floor-screen-clock${remaining <= 10_000 ? ' floor-clock-warning' : ''}`} role="timer" aria-live="off" data-testid="floor-timer">
              {formatSpeakingClock(remaining)}
              {list.timer && !list.timer.running && <span className="badge"> {t('paused')}</span>}
            </p>
          )}
        </div>
      ) : (
        <p className="screen-waiting">{t('screen.nobody')}</p>
      )}
      {next.length > 0 && (
        <div className="floor-next">
          <h2>{t('screen.next')}</h2>
          <ol>
            {next.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong> <SpeakerLine r={r} />
              </li>
            ))}
          </ol>
          {list && list.queue.length > 3 && <p className="muted">{t('screen.more', { count: list.queue.length - 3 })}</p>}
        </div>
      )}
    </section>
  );
}
