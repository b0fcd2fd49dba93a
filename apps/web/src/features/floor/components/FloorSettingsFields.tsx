import '../floor.css';
import { useTranslation } from 'react-i18next';
import type { FloorConfig, FloorRuleConfig } from '@palabre/contracts';
import { Field } from '../../../ui/Field';

export const DEFAULT_FLOOR_SETTINGS: FloorConfig = { speakingSeconds: 120, rule: { parity: true, category: true, territory: true, time: true } };
const CRITERIA: (keyof FloorRuleConfig)[] = ['parity', 'category', 'territory', 'time'];

/**
 * A new speakers' list's settings, in the console's add-activity form: the speaking time given to
 * each speaker and which balance criteria the order applies (all on by default; docs/floor.md).
 */
export function FloorSettingsFields({ value, onChange }: { value: FloorConfig; onChange: (next: FloorConfig) => void }) {
  const { t } = useTranslation('floor');
  return (
    <fieldset className="stack floor-settings">
      <legend>{t('settings.legend')}</legend>
      <Field
        label={t('settings.speakingSeconds')}
        hint={t('settings.speakingHint')}
        type="number"
        min={15}
        max={1800}
        step={15}
        required
        value={value.speakingSeconds}
        onChange={(e) => onChange({ ...value, speakingSeconds: Number(e.target.value) })}
      />
      {CRITERIA.map((criterion) => (
        <label key={criterion} className="floor-choice">
          <input type="checkbox" checked={value.rule[criterion]} onChange={(e) => onChange({ ...value, rule: { ...value.rule, [criterion]: e.target.checked } })} /> {t(`settings.rule.${criterion}`)}
        </label>
      ))}
    </fieldset>
  );
}
