import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionMapView } from '@palabre/contracts';
import { groupLetter, groupStyle, layoutPoints, type GroupShape } from '../model';

const SIZE = 100;

/** One dot: the group's colour and shape (the shape tells groups apart without colour). */
function Dot({ x, y, shape, colour, r }: { x: number; y: number; shape: GroupShape; colour: string; r: number }) {
  switch (shape) {
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
    case 'triangle':
      return <polygon points={`${x},${y - r * 1.2} ${x - r * 1.1},${y + r * 0.9} ${x + r * 1.1},${y + r * 0.9}`} fill={colour} />;
    case 'diamond':
      return <polygon points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`} fill={colour} />;
    case 'cross':
      return <path d={`M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`} stroke={colour} strokeWidth={r * 0.8} />;
    default:
      return <circle cx={x} cy={y} r={r} fill={colour} />;
  }
}

/**
 * The map: members as dots (no names), coloured and shaped by group, with a legend. The figure
 * carries a text summary for screen readers; the full text version is the lists beside it.
 */
export function OpinionMapFigure({ map, large = false }: { map: OpinionMapView; large?: boolean }) {
  const { t } = useTranslation('opinions');
  const descId = useId();
  const points = layoutPoints(map.points, SIZE);
  const r = points.length > 150 ? 1.2 : points.length > 60 ? 1.6 : 2.2;
  const groups = map.groups.map((g) => t('map.groupAlt', { group: groupLetter(g.index), count: g.size }));
  const alt = t('map.alt', { members: map.members, count: map.groups.length, groups: groups.join(', ') });
  return (
    <figure className={`opinions-figure${large ? ' opinions-figure-large' : ''}`} data-testid="opinions-map">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby={descId} className="opinions-svg">
        <title id={descId}>{alt}</title>
        <rect x="0.5" y="0.5" width={SIZE - 1} height={SIZE - 1} fill="#fff" stroke="#c9cdd6" strokeWidth="0.4" />
        <line x1={SIZE / 2} y1="2" x2={SIZE / 2} y2={SIZE - 2} stroke="#e3e6ec" strokeWidth="0.3" />
        <line x1="2" y1={SIZE / 2} x2={SIZE - 2} y2={SIZE / 2} stroke="#e3e6ec" strokeWidth="0.3" />
        {points.map((p, i) => {
          const style = groupStyle(p.group);
          return <Dot key={i} x={p.x} y={p.y} r={r} shape={style.shape} colour={style.colour} />;
        })}
      </svg>
      <figcaption className="opinions-legend">
        <span className="visually-hidden">{t('map.legend')} : </span>
        {map.groups.map((g) => {
          const style = groupStyle(g.index);
          return (
            <span key={g.index} className="opinions-legend-item">
              <svg viewBox="0 0 10 10" width="1em" height="1em" aria-hidden="true">
                <Dot x={5} y={5} r={3.5} shape={style.shape} colour={style.colour} />
              </svg>
              {t('group.name', { letter: groupLetter(g.index) })} · {t('console.members', { count: g.size })}
            </span>
          );
        })}
        <span className="muted opinions-explain">{t('map.explain')}</span>
      </figcaption>
    </figure>
  );
}
