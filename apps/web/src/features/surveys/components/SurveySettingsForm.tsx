import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySettings } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { SendCommand } from './QuestionForm';

/**
 * Anonymity, results visibility and shuffling. The server decides when they are locked
 * (SURVEY_SETTINGS_LOCKED once a question has opened) and its refusal is shown as is.
 */
export function SurveySettingsForm({ activityId, settings, send }: { activityId: string; settings: SurveySettings; send: SendCommand }) {
  const { t } = useTranslation('surveys');
  const base = useId();
  const [values, setValues] = useState<SurveySettings>(settings);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved('');
    setPending(true);
    try {
      const survey = await send('survey.settings', { activityId, ...values });
      setValues(survey.settings);
      setSaved(t('builder.settingsSaved'));
    } catch (err) {
      setError(err);
      setValues(settings);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t('builder.settingsTitle')}</h3>
      <fieldset className="stack">
        <legend>{t('builder.anonymity')}</legend>
        {(['named', 'anonymous'] as const).map((a) => (
          <label key={a} className="choice">
            <input type="radio" name={`${base}-anonymity`} value={a} checked={values.anonymity === a} onChange={() => setValues((v) => ({ ...v, anonymity: a }))} />
            {t(`builder.anonymityOption.${a}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t('builder.visibility')}</legend>
        {(['live', 'staff'] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name={`${base}-visibility`} value={r} checked={values.resultsVisibility === r} onChange={() => setValues((v) => ({ ...v, resultsVisibility: r }))} />
            {t(`builder.visibilityOption.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={values.shuffle} onChange={(e) => setValues((v) => ({ ...v, shuffle: e.target.checked }))} />
        {t('builder.shuffle')}
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>{t('builder.saveSettings')}</button>
      </div>
      <ErrorMessage error={error} />
      <p role="status" className="muted">{saved}</p>
    </form>
  );
}
