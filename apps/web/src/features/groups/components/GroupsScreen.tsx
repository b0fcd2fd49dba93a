import './groups.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { Loading } from '../../../ui/Loading';
import { SynthesisView } from './SynthesisView';
import { useGroups } from './useGroups';

const CYCLE_MS = 20_000;

/** The projector: the groups and their sizes, then at the report-back each group's synthesis in turn. */
export function GroupsScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('groups');
  const data = useGroups(activity.id);
  const [tick, setTick] = useState(0);
  const cycling = data?.state.reportBackOpen === true && !data.state.presentedGroupId;
  useEffect(() => {
    if (!cycling) return;
    const timer = setInterval(() => setTick((n) => n + 1), CYCLE_MS);
    return () => clearInterval(timer);
  }, [cycling]);
  if (!data) return <Loading />;
  const { state, groups, detail } = data;

  if (!state.reportBackOpen) {
    return (
      <ul className="groups-grid screen-groups">
        {groups.map((g) => (
          <li key={g.id} className="card">
            <strong>{g.name}</strong>
            <p>{t('screen.members', { count: g.memberCount })}</p>
          </li>
        ))}
      </ul>
    );
  }
  const withSynthesis = groups.filter((g) => detail(g.id));
  const shown = groups.find((g) => g.id === state.presentedGroupId) ?? withSynthesis[tick % Math.max(withSynthesis.length, 1)];
  const d = shown ? detail(shown.id) : undefined;
  if (!shown || !d) return <p>{t('screen.noSynthesis')}</p>;
  return (
    <section className="stack" aria-live="polite" aria-labelledby="report-back-heading">
      <p className="muted">{t('screen.reportBack', { index: groups.indexOf(shown) + 1, total: groups.length })}</p>
      <h3 id="report-back-heading">{shown.name}</h3>
      <SynthesisView synthesis={d.synthesis} headingLevel={4} />
    </section>
  );
}
