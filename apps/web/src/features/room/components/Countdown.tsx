import '../room.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvent } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { useCountdown, useRoom } from '../hooks/useRoom';
import { formatClock } from '../patchers';

/**
 * The current activity's countdown, the same on phones, console and projector.
 * Screen readers hear the 10-second warning and the end once, politely — never each second.
 */
export function Countdown({ large = false }: { large?: boolean }) {
  const { t } = useTranslation('room');
  const room = useRoom();
  const remaining = useCountdown(room);
  const announce = useAnnounce();
  const endedFor = useRef<string | null>(null);

  useLiveEvent('timer.warning', () => announce(t('countdown.warning')));
  useEffect(() => {
    const key = room.timer?.endsAt ?? null;
    if (remaining === 0 && key && endedFor.current !== key) {
      endedFor.current = key;
      announce(t('countdown.ended'));
    }
  }, [remaining, room.timer?.endsAt, announce, t]);

  if (remaining === null || !room.timer) return null;
  const paused = room.timer.pausedRemainingMs !== null;
  const warning = !paused && remaining <= 10_000;
  return (
    <p className={`countdown${large ? ' countdown-large' : ''}${warning ? ' countdown-warning' : ''}`}>
      <span className="visually-hidden">{t('countdown.label')} </span>
      <span role="timer" aria-live="off" data-testid="countdown">
        {formatClock(remaining)}
      </span>
      {paused && <span className="badge"> {t('countdown.paused')}</span>}
      {room.timer.autoClose && !paused && <span className="muted"> {t('countdown.autoClose')}</span>}
    </p>
  );
}
