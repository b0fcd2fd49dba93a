import { useTranslation } from 'react-i18next';
import type { OpinionMapView, OpinionStatementView } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';
import { groupLetter, groupStyle, percent, statementText } from '../model';

interface ListProps {
  map: OpinionMapView;
  statements: readonly OpinionStatementView[];
  /** Heading level of each list's title. */
  level?: 'h2' | 'h3';
  /** At most this many statements per list (the projector keeps to one screen); the rest are counted. */
  limit?: number;
}

/** The consensus statements: agreed (or rejected) by every group and overall, with each group's share. */
export function ConsensusList({ map, statements, level: H = 'h3', title, empty, limit = Infinity }: ListProps & { title: string; empty: string }) {
  const { t } = useTranslation('opinions');
  const all = map.consensus.filter((c) => statementText(statements, c.statementId) !== null);
  const items = all.slice(0, limit);
  return (
    <section className="stack opinions-consensus" data-testid="opinions-consensus">
      <H>{title}</H>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="opinions-list">
          {items.map((c) => (
            <li key={c.statementId}>
              <span lang={CONTENT_LANG} className="opinions-text">{statementText(statements, c.statementId)}</span>{' '}
              <span className="opinions-share">
                {c.direction === 'agree' ? t('share', { percent: percent(c.share) }) : t('shareAgainst', { percent: percent(c.share) })}
              </span>
              <span className="muted opinions-by-group">
                {' '}
                {t('groupShares', { shares: c.groupShares.map((s, g) => `${groupLetter(g)} ${percent(s)}`).join(', ') })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {all.length > items.length && <p className="muted">{t('more', { count: all.length - items.length })}</p>}
    </section>
  );
}

/** Each group: its size and its representative statements (agreed or rejected far more than by the others). */
export function GroupsList({ map, statements, level: H = 'h3', title, limit = Infinity }: ListProps & { title: string }) {
  const { t } = useTranslation('opinions');
  const Sub = H === 'h2' ? 'h3' : 'h4';
  return (
    <section className="stack opinions-groups" data-testid="opinions-groups">
      <H>{title}</H>
      <div className="opinions-group-grid">
        {map.groups.map((g) => (
          <article key={g.index} className="card opinions-group" style={{ borderTopColor: groupStyle(g.index).colour }} data-testid="opinions-group">
            <Sub>
              {t('group.name', { letter: groupLetter(g.index) })} <span className="muted">· {t('console.members', { count: g.size })}</span>
            </Sub>
            <ul className="opinions-list">
              {g.representative
                .filter((r) => statementText(statements, r.statementId) !== null)
                .slice(0, limit)
                .map((r) => (
                  <li key={r.statementId}>
                    <span lang={CONTENT_LANG} className="opinions-text">{statementText(statements, r.statementId)}</span>{' '}
                    <span className="opinions-share">
                      {t('representativeLine', { direction: t(`direction.${r.direction}`), share: percent(r.share), others: percent(r.othersShare) })}
                    </span>
                  </li>
                ))}
            </ul>
          </article>
        ))}
      </div>
    </section>
  );
}
