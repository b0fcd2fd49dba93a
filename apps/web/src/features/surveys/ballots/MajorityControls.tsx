import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAJORITY_GRADES } from '@palabre/contracts/meta';
import { CONTENT_LANG, currentLocale } from '../../../i18n';
import type { ControlsProps, Of } from './types';

/**
 * Majority judgment, one option at a time: its grades as one radio group, previous / next, then
 * a summary of every grade given (each one a way back to change it) before « Voter ».
 * Never one long stack of radio cards.
 */
export function MajorityControls({ name, config, options, value, onChange }: ControlsProps<Of<'majority'>>) {
  const { t } = useTranslation('surveys');
  const current = value?.grades ?? {};
  const firstUngraded = options.findIndex((o) => current[o.id] === undefined);
  const [index, setIndex] = useState(firstUngraded === -1 ? 0 : firstUngraded);
  // Moving to another option takes the focus to its grades (the checked one, else the first), so
  // a keyboard user grades on at once and never loses the focus to a button that just got disabled.
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const [jumps, setJumps] = useState(0);
  useEffect(() => {
    if (jumps === 0) return;
    const radios = [...(fieldset.current?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])];
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
  }, [jumps]);
  const go = (next: number) => {
    setIndex(next);
    setJumps((n) => n + 1);
  };
  if (config.type !== 'majority' || options.length === 0) return null;
  const grades = MAJORITY_GRADES[config.gradeCount][currentLocale()];
  const at = Math.min(index, options.length - 1);
  const option = options[at];
  const graded = options.filter((o) => current[o.id] !== undefined).length;
  const legendId = `${name}-${option.id}-legend`;
  const grade = (i: number) => {
    onChange({ type: 'majority', grades: { ...current, [option.id]: i } });
  };
  return (
    <div className="majority">
      <fieldset ref={fieldset} className="ballot-group majority-option" aria-describedby={`${name}-step`}>
        <legend id={legendId} lang={CONTENT_LANG}>{option.label}</legend>
        <p className="hint" id={`${name}-step`}>{t('ballot.majorityStep', { position: at + 1, count: options.length })}</p>
        {grades.map((g, i) => (
          <label key={g} className="ballot-choice">
            <input type="radio" name={`${name}-${option.id}`} checked={current[option.id] === i} onChange={() => grade(i)} />
            <span>{g}</span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" className="button" disabled={at === 0} onClick={() => go(at - 1)}>
          {t('ballot.previousOption')}
        </button>
        <button type="button" className="button" disabled={at === options.length - 1} onClick={() => go(at + 1)}>
          {t('ballot.nextOption')}
        </button>
      </div>
      <section className="majority-summary" aria-labelledby={`${name}-summary`}>
        <h4 id={`${name}-summary`}>{t('ballot.summary', { count: graded, total: options.length })}</h4>
        <ol className="majority-summary-list">
          {options.map((o, i) => (
            <li key={o.id}>
              <button type="button" className="button-link majority-summary-item" aria-current={i === at ? 'step' : undefined} onClick={() => go(i)}>
                <span className="majority-summary-label" lang={CONTENT_LANG}>{o.label}</span>
                <span className="majority-summary-grade">{current[o.id] === undefined ? t('ballot.notGraded') : grades[current[o.id]]}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
