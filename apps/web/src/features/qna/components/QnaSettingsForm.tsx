import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QnaConfig } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';

export type ConfigureCommand = (payload: { activityId: string } & Partial<QnaConfig>) => Promise<QnaConfig>;

/** Facilitators: anonymity allowed or not, pre- or post-moderation. Each change is saved at once. */
export function QnaSettingsForm({ activityId, settings, configure }: { activityId: string; settings: QnaConfig | undefined; configure: ConfigureCommand }) {
  const { t } = useTranslation('qna');
  const uid = useId();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  // Shown at once when changed here; the server's answer (or another facilitator's change) wins.
  const [shown, setShown] = useState(settings);
  useEffect(() => setShown(settings), [settings]);
  if (!shown) return null;
  const current = shown;

  async function change(patch: Partial<QnaConfig>) {
    setError(null);
    setSaved(false);
    setShown({ ...current, ...patch });
    try {
      setShown(await configure({ activityId, ...patch }));
      setSaved(true);
    } catch (err) {
      setShown(settings);
      setError(err);
    }
  }

  return (
    <fieldset className="stack qna-settings">
      <legend>{t('settings.title')}</legend>
      <label>
        <input type="checkbox" checked={shown.anonymousAllowed} onChange={(e) => void change({ anonymousAllowed: e.target.checked })} />{' '}
        {t('settings.anonymousAllowed')}
      </label>
      <div className="field">
        <label htmlFor={`${uid}-moderation`}>{t('settings.moderation')}</label>
        <select id={`${uid}-moderation`} value={shown.moderation} onChange={(e) => void change({ moderation: e.target.value === 'pre' ? 'pre' : 'post' })}>
          <option value="post">{t('settings.post')}</option>
          <option value="pre">{t('settings.pre')}</option>
        </select>
      </div>
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {saved ? t('settings.saved') : ''}
      </p>
    </fieldset>
  );
}
