import { useTranslation } from 'react-i18next';
import { CONTENT_LANG } from '../../../i18n';
import type { ControlsProps, Of } from './types';

/**
 * Scale: a slider from 1 to max with its end labels under it and the rating in words. Nothing is
 * chosen until the member moves it or taps « Choisir n » (the slider's middle is not a vote).
 */
export function ScaleControls({ name, config, value, onChange }: ControlsProps<Of<'scale'>>) {
  const { t } = useTranslation('surveys');
  if (config.type !== 'scale') return null;
  const middle = Math.ceil(config.max / 2);
  const shown = value?.value ?? middle;
  const end = (n: number) => (n === 1 ? config.minLabel : n === config.max ? config.maxLabel : undefined);
  const text = (n: number) => (end(n) ? `${n} — ${end(n)}` : String(n));
  const sliderId = `${name}-scale`;
  return (
    <div className="scale">
      <label htmlFor={sliderId} className="scale-legend">{t('ballot.scale', { max: config.max })}</label>
      <input
        id={sliderId}
        className="scale-slider"
        type="range"
        min={1}
        max={config.max}
        step={1}
        value={shown}
        aria-valuetext={text(shown)}
        onChange={(e) => onChange({ type: 'scale', value: Number(e.target.value) })}
      />
      <div className="scale-ends" aria-hidden="true" lang={CONTENT_LANG}>
        <span>1{config.minLabel ? ` — ${config.minLabel}` : ''}</span>
        <span>{config.max}{config.maxLabel ? ` — ${config.maxLabel}` : ''}</span>
      </div>
      <p className="scale-value" aria-live="polite">
        {value ? t('ballot.scaleChosen', { value: text(value.value) }) : t('ballot.scaleNone')}
      </p>
      {!value && (
        <button type="button" className="button" onClick={() => onChange({ type: 'scale', value: shown })}>
          {t('ballot.scalePick', { value: text(shown) })}
        </button>
      )}
    </div>
  );
}
