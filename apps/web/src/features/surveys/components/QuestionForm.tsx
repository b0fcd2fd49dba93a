import { useId, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { useCommand } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import {
  EMPTY_QUESTION, QUESTION_TYPES, hasOptions, validateQuestion,
  type FieldErrors, type QuestionField, type QuestionFormValues,
} from './question-form-model';

/** The typed command sender of lib/live (a prop, so that tests hand in a mock). */
export type SendCommand = ReturnType<typeof useCommand>;

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A label, the control, an optional hint and the field's error, tied with aria-describedby. */
function Field({ id, label, error, hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field stack">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="muted" id={hintId}>{hint}</p>}
      {children(describedBy, Boolean(error))}
      {error && <p className="error" id={errorId}>{error}</p>}
    </div>
  );
}

/** "Ajouter une question": prompt, type, options and the settings of the chosen type. */
export function QuestionForm({ activityId, send }: { activityId: string; send: SendCommand }) {
  const { t } = useTranslation('surveys');
  const base = useId();
  const [values, setValues] = useState<QuestionFormValues>(EMPTY_QUESTION);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [added, setAdded] = useState('');

  const id = (field: string) => `${base}-${field}`;
  const message = (field: QuestionField) => {
    const error = errors[field];
    return error ? t(`builder.errors.${error.key}`, error.values ?? {}) : undefined;
  };
  const bind = (field: Exclude<keyof QuestionFormValues, 'prefill'>) => ({
    id: id(field),
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues((v) => ({ ...v, [field]: e.target.value })),
  });
  const input = (field: QuestionField, label: string, props: { type?: string; min?: number; hint?: string } = {}) => (
    <Field id={id(field)} label={label} error={message(field)} hint={props.hint}>
      {(describedBy, invalid) => (
        <input {...bind(field)} type={props.type ?? 'text'} inputMode={props.type === 'number' ? 'numeric' : undefined} min={props.min} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
      )}
    </Field>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAdded('');
    setServerError(null);
    const { draft, errors: found } = validateQuestion(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await send('survey.question.add', { activityId, question: draft });
      setValues((v) => ({ ...EMPTY_QUESTION, type: v.type, eligibility: v.eligibility }));
      setAdded(t('builder.added', { prompt: draft.prompt }));
    } catch (error) {
      setServerError(error);
    } finally {
      setPending(false);
    }
  }

  const { type } = values;
  return (
    <form className="card stack question-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('builder.addTitle')}</h3>
      <Field id={id('prompt')} label={t('builder.prompt')} error={message('prompt')}>
        {(describedBy, invalid) => <textarea {...bind('prompt')} rows={2} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </Field>
      <Field id={id('type')} label={t('builder.type')}>
        {() => (
          <select {...bind('type')}>
            {QUESTION_TYPES.map((q) => <option key={q} value={q}>{t(`type.${q}`)}</option>)}
          </select>
        )}
      </Field>
      {hasOptions(type) && (
        <Field id={id('options')} label={t('builder.options')} hint={t('builder.optionsHint')} error={message('options')}>
          {(describedBy, invalid) => <textarea {...bind('options')} rows={5} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
        </Field>
      )}
      {type !== 'single' && type !== 'yesno' && type !== 'text' && (
        <fieldset className="stack">
          <legend>{t('builder.settingsOf', { type: t(`type.${type}`) })}</legend>
          {type === 'multiple' && (
            <>
              {input('minSelections', t('builder.minSelections'), { type: 'number', min: 1 })}
              {input('maxSelections', t('builder.maxSelections'), { type: 'number', min: 1 })}
            </>
          )}
          {type === 'ranking' && input('topK', t('builder.topK'), { type: 'number', min: 1, hint: t('builder.topKHint') })}
          {type === 'ranking' && (
            <label className="choice">
              <input type="checkbox" checked={values.prefill} onChange={(e) => setValues((v) => ({ ...v, prefill: e.target.checked }))} />
              <span>{t('builder.prefill')}</span>
            </label>
          )}
          {type === 'points' && input('budget', t('builder.budget'), { type: 'number', min: 1 })}
          {type === 'scale' && (
            <>
              {input('scaleMax', t('builder.scaleMax'), { type: 'number', min: 2 })}
              {input('minLabel', t('builder.minLabel'), { hint: t('builder.optional') })}
              {input('maxLabel', t('builder.maxLabel'), { hint: t('builder.optional') })}
            </>
          )}
          {type === 'majority' && (
            <Field id={id('gradeCount')} label={t('builder.gradeCount')}>
              {() => (
                <select {...bind('gradeCount')}>
                  <option value="7">{t('builder.grades', { count: 7 })}</option>
                  <option value="6">{t('builder.grades', { count: 6 })}</option>
                </select>
              )}
            </Field>
          )}
        </fieldset>
      )}
      <Field id={id('eligibility')} label={t('eligibility.label')}>
        {() => (
          <select {...bind('eligibility')}>
            <option value="">{t('eligibility.default')}</option>
            <option value="verified">{t('eligibility.verified')}</option>
            <option value="present">{t('eligibility.present')}</option>
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>{t('builder.submit')}</button>
      </div>
      <ErrorMessage error={serverError} />
      <p role="status" className="muted">{added}</p>
    </form>
  );
}
