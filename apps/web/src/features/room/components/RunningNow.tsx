import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isActivityRunning } from '@palabre/domain';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/**
 * Console: what is running now, at a glance, with a close button each and « Tout clore » (the
 * session cannot be sealed while anything runs). Group activities are listed too.
 */
export function RunningNow() {
  const { t } = useTranslation('room');
  const send = useCommand();
  const running = useSessionSnapshot((s) => s.activities.filter(isActivityRunning)).data ?? [];
  const [error, setError] = useState<unknown>(null);

  async function close(ids: string[]): Promise<void> {
    setError(null);
    try {
      for (const activityId of ids) await send('activity.close', { activityId });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card stack" aria-labelledby="running-now-heading">
      <h2 id="running-now-heading">{t('running.title')}</h2>
      {running.length === 0 ? (
        <p className="muted">{t('running.none')}</p>
      ) : (
        <ul className="stack" aria-live="polite">
          {running.map((a) => (
            <li key={a.id} className="button-row">
              <span>{a.title}</span>
              <button type="button" className="button" onClick={() => void close([a.id])}>
                {t('agenda.close', { title: a.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {running.length > 1 && (
        <button type="button" className="button" onClick={() => void close(running.map((a) => a.id))}>
          {t('running.closeAll', { count: running.length })}
        </button>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
