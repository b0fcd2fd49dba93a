import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SHORTCUTS, useShortcut } from '../../staff/hooks/useShortcut';
import { useRoom } from '../hooks/useRoom';
import { Countdown } from './Countdown';

/**
 * Presenter: the current item, previous / next in one action (keys B and N), the countdown
 * with extend, pause or resume. Starting an item opens it, shows it on screen and starts its timer.
 */
export function AgendaControls() {
  const { t } = useTranslation('room');
  const send = useCommand();
  const room = useRoom();
  const activities = useSessionSnapshot((s) => s.activities.filter((a) => a.groupId === null)).data ?? [];
  const [minutes, setMinutes] = useState('');
  const [autoClose, setAutoClose] = useState(false);
  const [keepPrevious, setKeepPrevious] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const minutesId = useId();
  const current = activities.find((a) => a.id === room.currentActivityId);
  const index = current ? activities.indexOf(current) : -1;
  const next = activities[index + 1];
  const previous = index > 0 ? activities[index - 1] : undefined;
  const planned = next ? room.plan[next.id] : undefined;

  async function run(promise: () => Promise<unknown>): Promise<boolean> {
    if (busy) return false;
    setError(null);
    setBusy(true);
    try {
      await promise();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  /**
   * Timer commands are not `run`: each click is sent at once and the server applies them in turn. A
   * pause clicked while an extension is on its way used to be dropped without a word.
   */
  function timerCommand(action: () => Promise<unknown>): void {
    setError(null);
    action().catch(setError);
  }

  const duration = Number(minutes);
  const startNext = next
    ? () =>
        void run(() =>
          send('agenda.startNext', {
            fromActivityId: room.currentActivityId,
            autoClose,
            // Launching an item closes the one running, unless the facilitator keeps it open.
            closePrevious: !keepPrevious,
            ...(duration >= 1 ? { durationSeconds: Math.round(duration * 60) } : {}),
          }),
        ).then((started) => {
          // The duration and the choice belong to the item just started, not to the next one.
          if (started) {
            setMinutes('');
            setKeepPrevious(false);
          }
        })
    : null;
  const startPrevious = previous ? () => void run(() => send('activity.start', { activityId: previous.id, autoClose: false, closePrevious: !keepPrevious })) : null;
  useShortcut(SHORTCUTS.next, startNext);
  useShortcut(SHORTCUTS.previous, startPrevious);

  return (
    <section className="card stack presenter-part" aria-labelledby="agenda-controls-heading">
      <h2 id="agenda-controls-heading">{t('agenda.title')}</h2>
      <p className="presenter-current" data-testid="presenter-current">
        {current ? t('agenda.current', { title: current.title }) : t('agenda.notStarted')}
      </p>
      <div className="presenter-timer">
        <Countdown />
        {room.timer && (
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => timerCommand(() => send('timer.extend', { seconds: 60 }))}>
              {t('timer.extend')}
            </button>
            {room.timer.pausedRemainingMs === null ? (
              <button type="button" className="button button-small" onClick={() => timerCommand(() => send('timer.pause', {}))}>
                {t('timer.pause')}
              </button>
            ) : (
              <button type="button" className="button button-small" onClick={() => timerCommand(() => send('timer.resume', {}))}>
                {t('timer.resume')}
              </button>
            )}
          </div>
        )}
      </div>
      <div className="button-row">
        {startPrevious && previous && (
          <button type="button" className="button" aria-keyshortcuts="B" onClick={startPrevious}>
            {t('agenda.startPrevious', { title: previous.title })} <kbd aria-hidden="true">B</kbd>
          </button>
        )}
        {current && current.state === 'open' && (
          <button type="button" className="button" onClick={() => void run(() => send('activity.close', { activityId: current.id }))}>
            {t('agenda.close', { title: current.title })}
          </button>
        )}
      </div>
      {next ? (
        <div className="presenter-next">
          <div className="field field-inline">
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
          </div>
          {planned && (
            <p className="hint" id={`${minutesId}-hint`}>
              {t('agenda.plannedHint', { minutes: planned })}
            </p>
          )}
          <label className="check">
            <input type="checkbox" checked={autoClose} onChange={(e) => setAutoClose(e.target.checked)} /> {t('agenda.autoClose')}
          </label>
          {current && (
            <label className="check">
              <input type="checkbox" checked={keepPrevious} onChange={(e) => setKeepPrevious(e.target.checked)} /> {t('agenda.keepPrevious', { title: current.title })}
            </label>
          )}
          <button type="button" className="button button-primary" aria-keyshortcuts="N" onClick={startNext ?? undefined}>
            {t('agenda.startNext', { title: next.title })} <kbd aria-hidden="true">N</kbd>
          </button>
        </div>
      ) : (
        <p className="muted">{t('agenda.end')}</p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
