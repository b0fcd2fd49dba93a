import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAJORITY_GRADES, SURVEY_LIMITS } from '@palabre/contracts/meta';
import type { BallotValue, QuestionConfig, QuestionOption } from '@palabre/contracts';
import { currentLocale } from '../../../i18n';
import { useAnnounce } from '../../../ui/Announcer';

interface ControlsProps<T extends BallotValue> {
  name: string;
  config: QuestionConfig;
  options: QuestionOption[];
  value: T | undefined;
  onChange: (value: T) => void;
}

type Of<K extends BallotValue['type']> = Extract<BallotValue, { type: K }>;

/** One labelled radio group: single choice, yes/no/abstain, scale. */
function Radios({ name, legend, items, checked, onPick }: { name: string; legend: string; items: { id: string; label: string }[]; checked?: string; onPick: (id: string) => void }) {
  return (
    <fieldset className="ballot-group">
      <legend className="visually-hidden">{legend}</legend>
      {items.map((item) => (
        <label key={item.id} className="ballot-choice">
          <input type="radio" name={name} value={item.id} checked={checked === item.id} onChange={() => onPick(item.id)} />
          <span>{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SingleControls({ name, options, value, onChange }: ControlsProps<Of<'single'>>) {
  const { t } = useTranslation('surveys');
  return <Radios name={name} legend={t('ballot.choose')} items={options} checked={value?.optionId} onPick={(optionId) => onChange({ type: 'single', optionId })} />;
}

export function YesNoControls({ name, value, onChange }: ControlsProps<Of<'yesno'>>) {
  const { t } = useTranslation('surveys');
  const items = (['yes', 'no', 'abstain'] as const).map((id) => ({ id, label: t(`yesno.${id}`) }));
  return <Radios name={name} legend={t('ballot.choose')} items={items} checked={value?.choice} onPick={(c) => onChange({ type: 'yesno', choice: c as 'yes' | 'no' | 'abstain' })} />;
}

export function ScaleControls({ name, config, value, onChange }: ControlsProps<Of<'scale'>>) {
  const { t } = useTranslation('surveys');
  if (config.type !== 'scale') return null;
  const items = Array.from({ length: config.max }, (_, i) => {
    const n = i + 1;
    const end = n === 1 ? config.minLabel : n === config.max ? config.maxLabel : undefined;
    return { id: String(n), label: end ? `${n} — ${end}` : String(n) };
  });
  return <Radios name={name} legend={t('ballot.scale', { max: config.max })} items={items} checked={value ? String(value.value) : undefined} onPick={(v) => onChange({ type: 'scale', value: Number(v) })} />;
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
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The ranked ids first, then every other option in the order given. */
function fullOrder(ranked: readonly string[], options: readonly QuestionOption[]): string[] {
  return [...ranked, ...options.map((o) => o.id).filter((id) => !ranked.includes(id))];
}

/**
 * Ranking without drag and drop: move up / move down buttons naming the option and its place.
 * A top-k ballot holds only the first k: the order of the others is kept here, so that an option
 * moved up from the bottom climbs step by step instead of jumping back. Focus follows the option
 * being moved and its new place is announced, so a keyboard or screen-reader user can press the
 * same key again.
 */
export function RankingControls({ config, options, value, onChange }: ControlsProps<Of<'ranking'>>) {
  const { t } = useTranslation('surveys');
  const announce = useAnnounce();
  const ranked = value?.ranking ?? [];
  const [shown, setShown] = useState(() => fullOrder(ranked, options));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    const { id, dir } = refocus.current;
    refocus.current = null;
    const same = buttons.current.get(`${id}:${dir}`);
    (same && !same.disabled ? same : buttons.current.get(`${id}:${dir === 'up' ? 'down' : 'up'}`))?.focus();
  });
  if (config.type !== 'ranking') return null;
  // A ballot from elsewhere (another device, a reload) wins over the order kept here.
  const inStep = shown.length === options.length && ranked.every((id, i) => shown[i] === id);
  const order = inStep ? shown : fullOrder(ranked, options);
  const k = config.topK ?? options.length;
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const move = (i: number, dir: 'up' | 'down') => {
    const j = dir === 'up' ? i - 1 : i + 1;
    const next = [...order];
    [next[i], next[j]] = [next[j], next[i]];
    refocus.current = { id: order[i], dir };
    setShown(next);
    onChange({ type: 'ranking', ranking: next.slice(0, k) });
    announce(t('ballot.moved', { option: label(order[i]), position: j + 1 }));
  };
  const keep = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };
  return (
    <ol className="ranking-list" aria-label={t('ballot.ranking', { count: k })}>
      {order.map((id, i) => (
        <li key={id} className={i < k ? 'ranking-item' : 'ranking-item ranking-unranked'}>
          <span className="ranking-place" aria-hidden="true">{i + 1}</span>
          <span className="ranking-label">{label(id)}</span>
          <button ref={keep(`${id}:up`)} type="button" className="button" disabled={i === 0} onClick={() => move(i, 'up')} aria-label={t('ballot.moveUp', { option: label(id), position: i + 1 })}>↑</button>
          <button ref={keep(`${id}:down`)} type="button" className="button" disabled={i === order.length - 1} onClick={() => move(i, 'down')} aria-label={t('ballot.moveDown', { option: label(id), position: i + 1 })}>↓</button>
        </li>
      ))}
    </ol>
  );
}

/** Points steppers; the remaining budget is always visible and announced politely. */
export function PointsControls({ config, options, value, onChange }: ControlsProps<Of<'points'>>) {
  const { t } = useTranslation('surveys');
  if (config.type !== 'points') return null;
  const allocation = value?.allocation ?? {};
  const spent = Object.values(allocation).reduce((a, b) => a + b, 0);
  const remaining = config.budget - spent;
  const step = config.budget >= 50 ? 5 : 1;
  const set = (id: string, points: number) => onChange({ type: 'points', allocation: { ...allocation, [id]: Math.max(0, Math.min(points, (allocation[id] ?? 0) + remaining)) } });
  return (
    <div className="points">
      <p className="points-remaining" aria-live="polite">{t('ballot.remaining', { count: remaining, budget: config.budget })}</p>
      <ul className="points-list">
        {options.map((o) => {
          const points = allocation[o.id] ?? 0;
          const inputId = `points-${o.id}`;
          return (
            <li key={o.id} className="points-item">
              <label htmlFor={inputId}>{o.label}</label>
              <button type="button" className="button" disabled={points === 0} onClick={() => set(o.id, points - step)} aria-label={t('ballot.less', { option: o.label, step })}>−</button>
              <input id={inputId} type="number" inputMode="numeric" min={0} max={config.budget} value={points} onChange={(e) => set(o.id, Number(e.target.value) || 0)} />
              <button type="button" className="button" disabled={remaining === 0} onClick={() => set(o.id, points + step)} aria-label={t('ballot.more', { option: o.label, step })}>+</button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Majority judgment: one labelled radio group of grades per option. */
export function MajorityControls({ name, config, options, value, onChange }: ControlsProps<Of<'majority'>>) {
  if (config.type !== 'majority') return null;
  const grades = MAJORITY_GRADES[config.gradeCount][currentLocale()];
  const current = value?.grades ?? {};
  return (
    <div className="majority">
      {options.map((o) => (
        <fieldset key={o.id} className="ballot-group majority-option">
          <legend>{o.label}</legend>
          {grades.map((g, i) => (
            <label key={g} className="ballot-choice">
              <input type="radio" name={`${name}-${o.id}`} checked={current[o.id] === i} onChange={() => onChange({ type: 'majority', grades: { ...current, [o.id]: i } })} />
              <span>{g}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

export function TextControls({ name, value, onChange }: ControlsProps<Of<'text'>>) {
  const { t } = useTranslation('surveys');
  return (
    <div className="field">
      <label htmlFor={`${name}-text`}>{t('ballot.text', { max: SURVEY_LIMITS.textAnswerMax })}</label>
      <input id={`${name}-text`} type="text" maxLength={SURVEY_LIMITS.textAnswerMax} value={value?.text ?? ''} onChange={(e) => onChange({ type: 'text', text: e.target.value })} />
    </div>
  );
}
