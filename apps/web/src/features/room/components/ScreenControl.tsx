import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenView, type ScreenState } from '@palabre/contracts';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SHORTCUTS, useShortcut } from '../../staff/hooks/useShortcut';
import { useRoom } from '../hooks/useRoom';
import { projection, type Projection } from '../projection';

/** One line saying what the projector shows now, from the state every screen follows. */
export function ProjectionLine({ shown }: { shown: Projection }) {
  const { t } = useTranslation('room');
  const what =
    shown.kind === 'welcome'
      ? t('screen.views.welcome')
      : shown.kind === 'message'
        ? t('screen.nowMessage', { message: shown.message })
        : t('screen.nowActivity', { view: t(`screen.views.${shown.view}`), title: shown.activity.title });
  return (
    <p className="projection-now" aria-live="polite" data-testid="projector-now" data-projection={shown.kind}>
      {t('screen.now', { view: what })}
    </p>
  );
}

/**
 * Console: choose what every projector screen shows. The form starts from what the screens show
 * now (also after a reload), and S toggles between the join screen and the current item.
 */
export function ScreenControl() {
  const { t } = useTranslation('room');
  const send = useCommand();
  const room = useRoom();
  const activities = useSessionSnapshot((s) => s.activities).data ?? [];
  const shown = projection(room, activities);
  const [view, setView] = useState<ScreenView>(room.screen.view);
  const [activityId, setActivityId] = useState(room.screen.activityId ?? '');
  const [message, setMessage] = useState(room.screen.message ?? '');
  const [error, setError] = useState<unknown>(null);
  const ids = { view: useId(), activity: useId(), message: useId() };
  const needsActivity = !['welcome', 'message'].includes(view);

  // Another facilitator, a shortcut or "start next" changed the screens: the form follows.
  const { view: liveView, activityId: liveActivity, message: liveMessage } = room.screen;
  useEffect(() => {
    setView(liveView);
    setActivityId(liveActivity ?? '');
    if (liveMessage) setMessage(liveMessage);
  }, [liveView, liveActivity, liveMessage]);

  async function showOnScreen(screen: ScreenState) {
    setError(null);
    try {
      await send('screen.show', { screen });
    } catch (err) {
      setError(err);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const fallback = room.currentActivityId ?? activities[0]?.id;
    void showOnScreen(view === 'message' ? { view, message } : needsActivity ? { view, activityId: activityId || fallback } : { view });
  }

  const current = room.currentActivityId;
  const toggle = shown.kind !== 'welcome' ? () => void showOnScreen({ view: 'welcome' }) : current ? () => void showOnScreen({ view: 'activity', activityId: current }) : null;
  useShortcut(SHORTCUTS.screen, toggle);

  return (
    <section className="card stack presenter-part" aria-labelledby="screen-control-heading">
      <h2 id="screen-control-heading">{t('screen.title')}</h2>
      <ProjectionLine shown={shown} />
      <form className="stack" onSubmit={submit}>
        <div className="field field-inline">
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
          <div className="field field-inline">
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
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('screen.show')}
          </button>
          <button type="button" className="button" aria-keyshortcuts="S" disabled={!toggle} onClick={toggle ?? undefined}>
            {shown.kind === 'welcome' ? t('screen.toggleToActivity') : t('screen.toggleToWelcome')} <kbd aria-hidden="true">S</kbd>
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
