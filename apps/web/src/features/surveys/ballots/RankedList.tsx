import type { CSSProperties, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANG } from '../../../i18n';

export interface RankedItemProps {
  id: string;
  index: number;
  label: string;
  count: number;
  onMove: (index: number, dir: 'up' | 'down') => void;
  onRemove: (id: string) => void;
  keep: (key: string) => (el: HTMLButtonElement | null) => void;
  /** The drag handle, once the drag-and-drop module has loaded. */
  handle?: ReactNode;
  itemRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  dragging?: boolean;
}

/** One ranked option: its place, its label, then move up / move down / take out (the fallback to dragging). */
export function RankedItem({ id, index, label, count, onMove, onRemove, keep, handle, itemRef, style, dragging }: RankedItemProps) {
  const { t } = useTranslation('surveys');
  return (
    <li ref={itemRef} style={style} className={dragging ? 'ranking-item ranking-dragging' : 'ranking-item'}>
      <span className="ranking-place" aria-hidden="true">{index + 1}</span>
      <span className="ranking-label" lang={CONTENT_LANG}>{label}</span>
      <span className="ranking-actions">
        {handle}
        <button ref={keep(`${id}:up`)} type="button" className="button button-icon" disabled={index === 0} onClick={() => onMove(index, 'up')} aria-label={t('ballot.moveUp', { option: label, position: index + 1 })}>↑</button>
        <button ref={keep(`${id}:down`)} type="button" className="button button-icon" disabled={index === count - 1} onClick={() => onMove(index, 'down')} aria-label={t('ballot.moveDown', { option: label, position: index + 1 })}>↓</button>
        <button ref={keep(`${id}:remove`)} type="button" className="button button-icon" onClick={() => onRemove(id)} aria-label={t('ballot.unrank', { option: label })}>✕</button>
      </span>
    </li>
  );
}

export interface RankedListProps extends Omit<RankedItemProps, 'id' | 'index' | 'label' | 'handle' | 'itemRef' | 'style' | 'dragging'> {
  ranked: readonly string[];
  labelOf: (id: string) => string;
  listLabel: string;
}

/** The ranking so far, without drag and drop (shown until the drag module arrives, and if it never does). */
export function RankedList({ ranked, labelOf, listLabel, ...item }: RankedListProps) {
  return (
    <ol className="ranking-list" aria-label={listLabel}>
      {ranked.map((id, i) => (
        <RankedItem key={id} id={id} index={i} label={labelOf(id)} {...item} />
      ))}
    </ol>
  );
}
