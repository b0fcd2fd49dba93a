import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ActivitySummary } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { SendCommand } from './QuestionForm';

interface SurveyCopyActionsProps {
  activityId: string;
  /** The survey's title: the template's name until the facilitator types another. */
  title: string;
  send: SendCommand;
  /** Called once a template is stored (the template list refetches). */
  onTemplateSaved?: () => void;
}

/**
 * "Dupliquer" (`survey.duplicate`: a new draft survey at the end of the agenda, which every
 * console sees through `activity.created`) and "Enregistrer comme modèle" (`survey.template.save`).
 */
export function SurveyCopyActions({ activityId, title, send, onTemplateSaved }: SurveyCopyActionsProps) {
  const { t } = useTranslation('surveys');
  const base = useId();
  const [copy, setCopy] = useState<ActivitySummary | null>(null);
  const [name, setName] = useState(title);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<'duplicate' | 'template' | null>(null);

  async function duplicate() {
    setError(null);
    setCopy(null);
    setSaved('');
    setPending('duplicate');
    try {
      const activity = await send('survey.duplicate', { activityId });
      setCopy(activity);
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  }

  async function saveTemplate(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setCopy(null);
    setSaved('');
    setPending('template');
    const chosen = name.trim();
    try {
      await send('survey.template.save', { activityId, name: chosen });
      setSaved(t('copy.templateSaved', { name: chosen }));
      onTemplateSaved?.();
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="card stack survey-copy" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t('copy.title')}</h3>
      <p className="muted">{t('copy.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={pending !== null} onClick={() => void duplicate()}>
          {t('copy.duplicate')}
        </button>
      </div>
      <form className="stack" onSubmit={(e) => void saveTemplate(e)}>
        <div className="field">
          <label htmlFor={`${base}-name`}>{t('copy.templateName')}</label>
          <input id={`${base}-name`} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending !== null || name.trim() === ''}>
            {t('copy.saveTemplate')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      <div role="status" className="muted">
        {copy && (
          <p>
            {t('copy.duplicated', { title: copy.title })}{' '}
            <Link to={{ search: `?activity=${copy.id}` }}>{t('copy.openCopy', { title: copy.title })}</Link>
          </p>
        )}
        {saved && <p>{saved}</p>}
      </div>
    </section>
  );
}
