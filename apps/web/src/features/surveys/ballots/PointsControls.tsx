import { useTranslation } from 'react-i18next';
import { CONTENT_LANG } from '../../../i18n';
import type { ControlsProps, Of } from './types';

/** The step of the +/- buttons: 5 for a budget of 50 or more, else 1. */
export function pointsStep(budget: number): number {
  return budget >= 50 ? 5 : 1;
}

/** Points: for each option a slider, − and + and the number; the remaining budget stays in view (sticky). */
export function PointsControls({ name, config, options, value, onChange }: ControlsProps<Of<'points'>>) {
  const { t } = useTranslation('surveys');
  if (config.type !== 'points') return null;
  const allocation = value?.allocation ?? {};
  const spent = Object.values(allocation).reduce((a, b) => a + b, 0);
  const remaining = config.budget - spent;
  const step = pointsStep(config.budget);
  // Never more than what is left: a slider pulled too far stops at the budget.
  const set = (id: string, points: number) => onChange({ type: 'points', allocation: { ...allocation, [id]: Math.max(0, Math.min(points, (allocation[id] ?? 0) + remaining)) } });
  return (
    <div className="points">
      <p className="points-remaining" aria-live="polite">{t('ballot.remaining', { count: remaining, budget: config.budget })}</p>
      <ul className="points-list">
        {options.map((o) => {
          const points = allocation[o.id] ?? 0;
          const inputId = `${name}-points-${o.id}`;
          return (
            <li key={o.id} className="points-item">
              <label htmlFor={inputId} className="points-label" lang={CONTENT_LANG}>{o.label}</label>
              <input
                className="points-slider"
                type="range"
                min={0}
                max={config.budget}
                step={1}
                value={points}
                aria-label={t('ballot.slider', { option: o.label })}
                aria-valuetext={t('results.points', { count: points })}
                onChange={(e) => set(o.id, Number(e.target.value))}
              />
              <span className="points-controls">
                <button type="button" className="button button-icon" disabled={points === 0} onClick={() => set(o.id, points - step)} aria-label={t('ballot.less', { option: o.label, step })}>−</button>
                <input id={inputId} className="points-number" type="number" inputMode="numeric" min={0} max={config.budget} value={points} onChange={(e) => set(o.id, Number(e.target.value) || 0)} />
                <button type="button" className="button button-icon" disabled={remaining === 0} onClick={() => set(o.id, points + step)} aria-label={t('ballot.more', { option: o.label, step })}>+</button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
