import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useRoom } from '../hooks/useRoom';
import { Countdown } from './Countdown';

/** Console: start the next item in one action, then extend, pause or resume its countdown. */
export function AgendaControls() {
  const { t } = useTranslation('room');
  const send = useCommand();
  const room = useRoom();
  const activities = useSessionSnapshot((s) => s.activities.filter((a) => a.groupId === null)).data ?? [];
  const [minutes, setMinutes] = useState('');
  const [autoClose, setAutoClose] = useState(false);
  const [keepPrevious, setKeepPrevious] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minutesId = useId();
  const current = activities.find((a) => a.id === room.currentActivityId);
  const index = current ? activities.indexOf(current) : -1;
  const next = activities[index + 1];
  const planned = next ? room.plan[next.id] : undefined;

  async function run(promise: Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await promise;
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  const duration = Number(minutes);
  return (
    <section className="card stack" aria-labelledby="agenda-controls-heading">
      <h2 id="agenda-controls-heading">{t('agenda.title')}</h2>
      <p>{current ? t('agenda.current', { title: current.title }) : t('agenda.notStarted')}</p>
      <Countdown />
      {room.timer && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void run(send('timer.extend', { seconds: 60 }))}>
            {t('timer.extend')}
          </button>
          {room.timer.pausedRemainingMs === null ? (
            <button type="button" className="button" onClick={() => void run(send('timer.pause', {}))}>
              {t('timer.pause')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void run(send('timer.resume', {}))}>
              {t('timer.resume')}
            </button>
          )}
        </div>
      )}
      {current && current.state === 'open' && (
        <button type="button" className="button" onClick={() => void run(send('activity.close', { activityId: current.id }))}>
          {t('agenda.close', { title: current.title })}
        </button>
      )}
      {next ? (
        <div className="stack">
          <div className="field">
            <label htmlFor={minutesId}>{t('agenda.minutes')}</label>
            <input
              id={minutesId}
              type="number"
              min={1}
              max={600}
              inputMode="numeric"
              value={minutes}
              aria-describedby={planned ? `${minutesId}-hint` : undefined}
              onChange={(e) => setMinutes(e.target.value)}
            />
            {planned && (
              <p className="hint" id={`${minutesId}-hint`}>
                {t('agenda.plannedHint', { minutes: planned })}
              </p>
            )}
          </div>
          <label>
            <input type="checkbox" checked={autoClose} onChange={(e) => setAutoClose(e.target.checked)} /> {t('agenda.autoClose')}
          </label>
          {current && (
            <label>
              <input type="checkbox" checked={keepPrevious} onChange={(e) => setKeepPrevious(e.target.checked)} /> {t('agenda.keepPrevious', { title: current.title })}
            </label>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() =>
              void run(
                send('agenda.startNext', {
                  fromActivityId: room.currentActivityId,
                  autoClose,
                  // Launching an item closes the one running, unless the facilitator keeps it open.
                  closePrevious: !keepPrevious,
                  ...(duration >= 1 ? { durationSeconds: Math.round(duration * 60) } : {}),
                }),
              ).then((started) => {
                // The duration belongs to the item just started, not to the next one.
                if (started) {
                  setMinutes('');
                  setKeepPrevious(false);
                }
              })
            }
          >
            {t('agenda.startNext', { title: next.title })}
          </button>
        </div>
      ) : (
        <p className="muted">{t('agenda.end')}</p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
