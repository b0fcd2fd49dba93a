import '../opinions.css';
import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { useOpinionMap, useOpinionsEvents } from '../hooks/useOpinions';
import { OpinionMapFigure } from './OpinionMapFigure';
import { ConsensusList, GroupsList } from './OpinionLists';

/**
 * The projector: the map (dots without names, coloured and shaped by group), what unites the
 * assembly (its four strongest consensus statements, the others counted) and the two statements
 * that set each group apart most, so that it fits one screen. The lists are the map's text
 * version; the figure carries a summary for screen readers; the console and the minutes list all.
 */
export function OpinionsScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('opinions');
  useOpinionsEvents(activity.id, false);
  const view = useOpinionMap(activity.id);
  const map = view?.map;
  if (!view || !map || map.members === 0) {
    return <p className="screen-waiting">{t('screen.waiting')}</p>;
  }
  const visible = view.statements.filter((s) => s.status === 'visible').length;
  return (
    <section className="opinions-screen" aria-label={t('screen.label')}>
      <div className="opinions-screen-map">
        <OpinionMapFigure map={map} large />
        <p className="muted">{t('screen.counts', { members: map.members, statements: visible, answers: map.answers })}</p>
      </div>
      <div className="opinions-screen-lists stack">
        <ConsensusList map={map} statements={view.statements} title={t('screen.consensus')} empty={t('screen.noConsensus')} level="h2" limit={4} />
        {map.groups.length > 1 && <GroupsList map={map} statements={view.statements} title={t('screen.groups')} level="h2" limit={2} />}
      </div>
    </section>
  );
}
