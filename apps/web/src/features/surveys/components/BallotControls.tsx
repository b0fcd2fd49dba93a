import { useTranslation } from 'react-i18next';
import { SURVEY_LIMITS } from '@palabre/contracts/meta';
import { CONTENT_LANG } from '../../../i18n';
import type { ControlsProps, Of } from '../ballots/types';

export { RankingControls } from '../ballots/RankingControls';
export { MajorityControls } from '../ballots/MajorityControls';
export { PointsControls } from '../ballots/PointsControls';
export { ScaleControls } from '../ballots/ScaleControls';

/** One labelled radio group: single choice, yes/no/abstain. */
function Radios({ name, legend, items, checked, onPick }: { name: string; legend: string; items: { id: string; label: string; content?: boolean }[]; checked?: string; onPick: (id: string) => void }) {
  return (
    <fieldset className="ballot-group">
      <legend className="visually-hidden">{legend}</legend>
      {items.map((item) => (
        <label key={item.id} className="ballot-choice">
          <input type="radio" name={name} value={item.id} checked={checked === item.id} onChange={() => onPick(item.id)} />
          <span lang={item.content ? CONTENT_LANG : undefined}>{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SingleControls({ name, options, value, onChange }: ControlsProps<Of<'single'>>) {
  const { t } = useTranslation('surveys');
  return <Radios name={name} legend={t('ballot.choose')} items={options.map((o) => ({ ...o, content: true }))} checked={value?.optionId} onPick={(optionId) => onChange({ type: 'single', optionId })} />;
}

export function YesNoControls({ name, value, onChange }: ControlsProps<Of<'yesno'>>) {
  const { t } = useTranslation('surveys');
  const items = (['yes', 'no', 'abstain'] as const).map((id) => ({ id, label: t(`yesno.${id}`) }));
  return <Radios name={name} legend={t('ballot.choose')} items={items} checked={value?.choice} onPick={(c) => onChange({ type: 'yesno', choice: c as 'yes' | 'no' | 'abstain' })} />;
}

export function MultipleControls({ name, config, options, value, onChange }: ControlsProps<Of<'multiple'>>) {
  const { t } = useTranslation('surveys');
  if (config.type !== 'multiple') return null;
  const selected = value?.optionIds ?? [];
  const toggle = (id: string) => onChange({ type: 'multiple', optionIds: selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id] });
  return (
    <fieldset className="ballot-group">
      <legend>{t('ballot.multiple', { min: config.minSelections, max: config.maxSelections })}</legend>
      {options.map((o) => (
        <label key={o.id} className="ballot-choice">
          <input type="checkbox" name={name} checked={selected.includes(o.id)} disabled={!selected.includes(o.id) && selected.length >= config.maxSelections} onChange={() => toggle(o.id)} />
          <span lang={CONTENT_LANG}>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Word cloud: a short answer, with the words others already gave as one-tap suggestions. */
export function TextControls({ name, value, onChange, suggestions = [] }: ControlsProps<Of<'text'>>) {
  const { t } = useTranslation('surveys');
  const text = value?.text ?? '';
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${name}-text`}>{t('ballot.text', { max: SURVEY_LIMITS.textAnswerMax })}</label>
        <input id={`${name}-text`} type="text" maxLength={SURVEY_LIMITS.textAnswerMax} value={text} onChange={(e) => onChange({ type: 'text', text: e.target.value })} />
      </div>
      {suggestions.length > 0 && (
        <div className="word-suggestions" role="group" aria-label={t('ballot.suggestions')}>
          {suggestions.map((word) => (
            <button key={word} type="button" className="button" aria-pressed={text === word} onClick={() => onChange({ type: 'text', text: word })}>
              {word}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
