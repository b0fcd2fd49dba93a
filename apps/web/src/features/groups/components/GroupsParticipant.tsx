import './groups.css';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkingGroupView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { Comments } from './Comments';
import { SynthesisEditor } from './SynthesisEditor';
import { SynthesisView } from './SynthesisView';
import { useGroups } from './useGroups';

/** A member's phone: choose a group, then « Mon groupe » (activities, starting cards, synthesis, comments). */
export function GroupsParticipant({ activity }: ActivityViewProps) {
  const { t } = useTranslation('groups');
  const data = useGroups(activity.id);
  if (!data) return <Loading />;
  const { snapshot, state, view, groups, myGroup, detail } = data;

  if (!myGroup) return <GroupChoice activityId={activity.id} groups={groups} canChoose={view?.placement === 'choose'} closesAt={view?.choiceClosesAt ?? null} />;

  const mine = detail(myGroup.id);
  const groupActivities = snapshot.activities.filter((a) => a.groupId === myGroup.id);
  const isRapporteur = myGroup.rapporteurParticipantId === snapshot.me.id;
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="my-group-heading">
        <h3 id="my-group-heading">{t('mine.title', { name: myGroup.name })}</h3>
        <p className="muted">{t('mine.count', { count: myGroup.memberCount })}</p>
        {isRapporteur && <p className="badge">{t('mine.youAreRapporteur')}</p>}
        {groupActivities.length > 0 && (
          <ul aria-label={t('mine.activities')}>
            {groupActivities.map((a) => (
              <li key={a.id}><Link to={{ search: `?activity=${a.id}` }}>{a.title}</Link></li>
            ))}
          </ul>
        )}
        {mine && mine.seedCards.length > 0 && (
          <section aria-labelledby="seed-heading">
            <h4 id="seed-heading">{t('seed.title')}</h4>
            <ul className="seed-cards">
              {mine.seedCards.map((c) => (
                <li key={c.id} className="card"><strong>{c.title}</strong><br /><span className="muted">{t('seed.origin', { label: c.origin.label })}</span></li>
              ))}
            </ul>
          </section>
        )}
      </section>
      {mine && (
        <section className="stack" aria-labelledby="synthesis-heading">
          <h3 id="synthesis-heading">{t('synthesis.title')}</h3>
          {isRapporteur && mine.synthesis.state !== 'validated' && <p className="muted">{t(`synthesis.state.${mine.synthesis.state}`)}</p>}
          {isRapporteur && mine.synthesis.state !== 'validated' ? <SynthesisEditor groupId={myGroup.id} synthesis={mine.synthesis} /> : <SynthesisView synthesis={mine.synthesis} headingLevel={4} />}
          <Comments groupId={myGroup.id} comments={mine.comments} canWrite={mine.synthesis.state !== 'validated'} />
        </section>
      )}
      {state.reportBackOpen && (
        <section className="stack" aria-labelledby="others-heading">
          <h3 id="others-heading">{t('reportBack.others')}</h3>
          {groups.filter((g) => g.id !== myGroup.id).map((g) => {
            const d = detail(g.id);
            return d ? (
              <details key={g.id} className="card">
                <summary>{g.name}</summary>
                <SynthesisView synthesis={d.synthesis} headingLevel={4} />
              </details>
            ) : null;
          })}
        </section>
      )}
    </div>
  );
}

function GroupChoice({ activityId, groups, canChoose, closesAt }: { activityId: string; groups: WorkingGroupView[]; canChoose: boolean; closesAt: string | null }) {
  const { t } = useTranslation('groups');
  const announce = useAnnounce();
  const choose = useCommandMutation('group.choose');
  const closed = closesAt !== null && Date.parse(closesAt) <= Date.now();
  if (!canChoose || closed) return <p>{t('choice.waiting')}</p>;
  return (
    <section className="stack" aria-labelledby={`choice-${activityId}`}>
      <h3 id={`choice-${activityId}`}>{t('choice.title')}</h3>
      {closesAt && <p className="muted">{t('choice.closesAt', { time: new Date(closesAt).toLocaleTimeString() })}</p>}
      <ul className="group-choice">
        {groups.map((g) => {
          const full = g.memberCount >= g.capacity;
          return (
            <li key={g.id} className="card">
              <strong>{g.name}</strong>
              <span className="muted"> — {t('choice.seats', { count: g.memberCount, capacity: g.capacity })}</span>
              <button
                type="button"
                className="button"
                disabled={full || choose.isPending}
                aria-label={t('choice.joinGroup', { name: g.name })}
                onClick={() => choose.mutate({ groupId: g.id }, { onSuccess: () => announce(t('choice.joined', { name: g.name })) })}
              >
                {full ? t('choice.full') : t('choice.join')}
              </button>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={choose.error} />
    </section>
  );
}
