import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenView, type ScreenState } from '@palabre/contracts';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useRoom } from '../hooks/useRoom';

/** Console: choose what every projector screen shows. */
export function ScreenControl() {
  const { t } = useTranslation('room');
  const send = useCommand();
  const room = useRoom();
  const activities = useSessionSnapshot((s) => s.activities).data ?? [];
  const [view, setView] = useState<ScreenView>('welcome');
  const [activityId, setActivityId] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const ids = { view: useId(), activity: useId(), message: useId() };
  const needsActivity = !['welcome', 'message'].includes(view);

  async function show(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const screen: ScreenState =
      view === 'message' ? { view, message } : needsActivity ? { view, activityId: activityId || room.currentActivityId || activities[0]?.id } : { view };
    try {
      await send('screen.show', { screen });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card stack" aria-labelledby="screen-control-heading">
      <h2 id="screen-control-heading">{t('screen.title')}</h2>
      <p aria-live="polite">{t('screen.now', { view: t(`screen.views.${room.screen.view}`) })}</p>
      <form className="stack" onSubmit={(e) => void show(e)}>
        <div className="field">
          <label htmlFor={ids.view}>{t('screen.view')}</label>
          <select id={ids.view} value={view} onChange={(e) => setView(e.target.value as ScreenView)}>
            {ScreenView.options.map((v) => (
              <option key={v} value={v}>
                {t(`screen.views.${v}`)}
              </option>
            ))}
          </select>
        </div>
        {needsActivity && (
          <div className="field">
            <label htmlFor={ids.activity}>{t('screen.activity')}</label>
            <select id={ids.activity} value={activityId} onChange={(e) => setActivityId(e.target.value)}>
              <option value="">{t('screen.currentActivity')}</option>
              {activities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {view === 'message' && (
          <div className="field">
            <label htmlFor={ids.message}>{t('screen.message')}</label>
            <input id={ids.message} value={message} maxLength={280} required onChange={(e) => setMessage(e.target.value)} />
          </div>
        )}
        <button type="submit" className="button button-primary">
          {t('screen.show')}
        </button>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
