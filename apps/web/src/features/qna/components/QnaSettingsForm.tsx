import { useId, useState } from 'react';
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
  if (!settings) return null;

  async function change(patch: Partial<QnaConfig>) {
    setError(null);
    setSaved(false);
    try {
      await configure({ activityId, ...patch });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <fieldset className="stack qna-settings">
      <legend>{t('settings.title')}</legend>
      <label>
        <input type="checkbox" checked={settings.anonymousAllowed} onChange={(e) => void change({ anonymousAllowed: e.target.checked })} />{' '}
        {t('settings.anonymousAllowed')}
      </label>
      <div className="field">
        <label htmlFor={`${uid}-moderation`}>{t('settings.moderation')}</label>
        <select id={`${uid}-moderation`} value={settings.moderation} onChange={(e) => void change({ moderation: e.target.value === 'pre' ? 'pre' : 'post' })}>
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
