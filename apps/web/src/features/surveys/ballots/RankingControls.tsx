import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANG } from '../../../i18n';
import { useAnnounce } from '../../../ui/Announcer';
import { RankedList } from './RankedList';
import { moveTo, placeAt, required, unrank, unranked } from './ranking-model';
import type { ControlsProps, Of } from './types';

type Sortable = ComponentType<ComponentProps<typeof RankedList> & { onReorder: (from: number, to: number) => void }>;
let sortable: Sortable | null = null;

/**
 * Drag and drop only for members who get a ranking ballot: a chunk of its own, fetched as soon as
 * the ballot shows (before any option is placed, so that the list never swaps under the focus).
 * Until it arrives, and if it never does, the list works with its buttons.
 */
function useSortableList(): Sortable | null {
  const [loaded, setLoaded] = useState<Sortable | null>(sortable);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    import('./SortableRankedList').then(
      (m) => {
        sortable = m.default;
        if (live) setLoaded(() => m.default);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

/**
 * Ranking: the ballot starts with nothing ranked (unless the facilitator pre-filled it, shuffled
 * per member), so that nobody boosts the options listed first by sending it untouched.
 * - tap-to-place: tap an option to rank, then the place it gets;
 * - drag and drop of the ranked options (handle), by touch, mouse or keyboard;
 * - move up / move down / take out buttons, which keep the focus on the option being moved.
 */
export function RankingControls({ name, config, options, value, onChange }: ControlsProps<Of<'ranking'>>) {
  const { t } = useTranslation('surveys');
  const announce = useAnnounce();
  const [picked, setPicked] = useState<string | null>(null);
  const SortableList = useSortableList();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    const key = refocus.current;
    refocus.current = null;
    const [id, dir] = key.split(':');
    // The same button when it still works, else the other move, else its drag handle (which says
    // its place), else take out, else the option back in the list.
    const tries = [key, `${id}:${dir === 'up' ? 'down' : 'up'}`, `${id}:handle`, `${id}:remove`, `${id}:pick`];
    tries.map((k) => buttons.current.get(k)).find((b) => b && !b.disabled)?.focus();
  });
  if (config.type !== 'ranking') return null;
  const k = required(config.topK, options.length);
  const ranked = value?.ranking ?? [];
  const rest = unranked(ranked, options.map((o) => o.id));
  const labelOf = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const keep = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };
  const set = (next: string[]) => onChange({ type: 'ranking', ranking: next });

  const place = (id: string, position: number) => {
    const next = placeAt(ranked, id, position, k);
    setPicked(null);
    refocus.current = next.includes(id) ? `${id}:${position === 0 ? 'down' : 'up'}` : null;
    set(next);
    announce(t('ballot.moved', { option: labelOf(id), position: next.indexOf(id) + 1 }));
  };
  const move = (i: number, dir: 'up' | 'down') => {
    const j = dir === 'up' ? i - 1 : i + 1;
    refocus.current = `${ranked[i]}:${dir}`;
    set(moveTo(ranked, i, j));
    announce(t('ballot.moved', { option: labelOf(ranked[i]), position: j + 1 }));
  };
  const remove = (id: string) => {
    refocus.current = `${id}:pick`;
    set(unrank(ranked, id));
    announce(t('ballot.unranked', { option: labelOf(id) }));
  };
  const reorder = (from: number, to: number) => set(moveTo(ranked, from, to));
  const listLabel = t('ballot.rankedList', { count: ranked.length, required: k });
  const list = { ranked, labelOf, listLabel, count: ranked.length, onMove: move, onRemove: remove, keep };
  // The places a picked option may take: any rank up to the first free one.
  const places = Array.from({ length: Math.min(ranked.length + 1, k) }, (_, i) => i);

  return (
    <div className="ranking">
      <p className="hint" id={`${name}-how`}>{t('ballot.rankingHow', { count: k })}</p>
      {ranked.length > 0 && (SortableList ? <SortableList {...list} onReorder={reorder} /> : <RankedList {...list} />)}
      {rest.length > 0 && (
        <ul className="ranking-pool" aria-label={t('ballot.toRank')}>
          {rest.map((id) => (
            <li key={id} className="ranking-pool-item">
              <button
                ref={keep(`${id}:pick`)}
                type="button"
                className="button ranking-option"
                aria-pressed={picked === id}
                aria-describedby={`${name}-how`}
                onClick={() => setPicked(picked === id ? null : id)}
              >
                <span lang={CONTENT_LANG}>{labelOf(id)}</span>
              </button>
              {picked === id && (
                <div className="ranking-places" role="group" aria-label={t('ballot.placeOf', { option: labelOf(id) })}>
                  {places.map((p) => (
                    <button key={p} type="button" className="button button-icon" onClick={() => place(id, p)} aria-label={t('ballot.placeAt', { option: labelOf(id), position: p + 1 })}>
                      {p + 1}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
