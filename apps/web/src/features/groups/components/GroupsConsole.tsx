import './groups.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivitySummary, GroupMemberView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { CsvImport } from './CsvImport';
import { SynthesisView } from './SynthesisView';
import { useGroups, type GroupsData } from './useGroups';

/** The facilitator console: start, draw or place members, the four groups side by side, report-back. */
export function GroupsConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('groups');
  const data = useGroups(activity.id);
  if (!data) return <Loading />;
  return (
    <div className="stack">
      <GroupsActions activity={activity} data={data} />
      <ul className="groups-grid" aria-label={t('console.grid')}>
        {data.groups.map((g) => {
          const d = data.detail(g.id);
          const activities = data.snapshot.activities.filter((a) => a.groupId === g.id);
          return (
            <li key={g.id} className="card stack group-cell">
              <h3>{g.name}</h3>
              <p>{t('console.members', { count: g.memberCount, capacity: g.capacity })}</p>
              {activities.length > 0 && <p className="muted">{activities.map((a) => a.title).join(' · ')}</p>}
              <RapporteurPicker groupId={g.id} current={g.rapporteurParticipantId} members={d?.members ?? []} />
              {d && <p className="muted">{t('console.comments', { count: d.comments.length })}</p>}
              {d && <SynthesisView synthesis={d.synthesis} headingLevel={4} />}
              <GroupButtons groupId={g.id} state={g.synthesisState} reportBackOpen={data.state.reportBackOpen} />
            </li>
          );
        })}
      </ul>
      {data.state.roster && <Placement roster={data.state.roster} data={data} />}
    </div>
  );
}

function GroupsActions({ activity, data }: { activity: ActivitySummary; data: GroupsData }) {
  const { t } = useTranslation('groups');
  const announce = useAnnounce();
  const start = useCommandMutation('groups.start');
  const draw = useCommandMutation('group.autoAssign');
  const open = useCommandMutation('groups.openReportBack');
  const final = useCommandMutation('groups.createFinalSurvey');
  const [seed, setSeed] = useState(2026);
  const [method, setMethod] = useState<'ranking' | 'majority'>('ranking');
  return (
    <div className="stack">
      <div className="button-row">
        {activity.state === 'draft' && (
          <button type="button" className="button button-primary" onClick={() => start.mutate({ activityId: activity.id }, { onSuccess: () => announce(t('console.started')) })}>{t('console.start')}</button>
        )}
        <label>
          {t('console.seed')}{' '}
          <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} style={{ width: '6rem' }} />
        </label>
        <button type="button" className="button" onClick={() => draw.mutate({ activityId: activity.id, seed }, { onSuccess: (r) => announce(t('console.drawn', { count: r.moves.length })) })}>{t('console.draw')}</button>
        {!data.state.reportBackOpen && (
          <button type="button" className="button" onClick={() => open.mutate({ activityId: activity.id }, { onSuccess: () => announce(t('console.reportBackOpened')) })}>{t('console.openReportBack')}</button>
        )}
      </div>
      <div className="button-row">
        <label>
          {t('console.method')}{' '}
          <select value={method} onChange={(e) => setMethod(e.target.value === 'majority' ? 'majority' : 'ranking')}>
            <option value="ranking">{t('console.ranking')}</option>
            <option value="majority">{t('console.majority')}</option>
          </select>
        </label>
        <button type="button" className="button" onClick={() => final.mutate({ activityId: activity.id, method }, { onSuccess: (r) => announce(t('console.finalCreated', { title: r.activity.title })) })}>{t('console.finalSurvey')}</button>
      </div>
      {[start.error, draw.error, open.error, final.error].map((e, i) => (e ? <ErrorMessage key={i} error={e} /> : null))}
    </div>
  );
}

function GroupButtons({ groupId, state, reportBackOpen }: { groupId: string; state: string; reportBackOpen: boolean }) {
  const { t } = useTranslation('groups');
  const announce = useAnnounce();
  const validate = useCommandMutation('synthesis.validate');
  const present = useCommandMutation('groups.present');
  return (
    <div className="button-row">
      {state !== 'validated' && (
        <button type="button" className="button" onClick={() => validate.mutate({ groupId }, { onSuccess: () => announce(t('console.validated')) })}>{t('console.validate')}</button>
      )}
      {reportBackOpen && (
        <button type="button" className="button" onClick={() => present.mutate({ groupId })}>{t('console.present')}</button>
      )}
      <ErrorMessage error={validate.error ?? present.error} />
    </div>
  );
}

function RapporteurPicker({ groupId, current, members }: { groupId: string; current: string | null; members: { participantId: string; displayName: string }[] }) {
  const { t } = useTranslation('groups');
  const set = useCommandMutation('group.setRapporteur');
  return (
    <label className="field">
      {t('console.rapporteur')}
      <select value={current ?? ''} onChange={(e) => set.mutate({ groupId, participantId: e.target.value || null })}>
        <option value="">{t('console.noRapporteur')}</option>
        {members.map((m) => <option key={m.participantId} value={m.participantId}>{m.displayName}</option>)}
      </select>
    </label>
  );
}

/** The list UI: find a member, pick their group. */
function Placement({ roster, data }: { roster: GroupMemberView[]; data: GroupsData }) {
  const { t } = useTranslation('groups');
  const assign = useCommandMutation('group.assign');
  const [query, setQuery] = useState('');
  const q = query.trim().toLocaleLowerCase('fr');
  const shown = roster.filter((m) => !q || m.displayName.toLocaleLowerCase('fr').includes(q)).slice(0, 40);
  return (
    <section className="card stack" aria-labelledby="placement-heading">
      <h3 id="placement-heading">{t('placement.title')}</h3>
      <div className="field">
        <label htmlFor="placement-search">{t('placement.search')}</label>
        <input id="placement-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="muted">{t('placement.unplaced', { count: roster.filter((m) => !m.groupId).length })}</p>
      <ul className="placement-list">
        {shown.map((m) => (
          <li key={m.participantId}>
            <label>
              {m.displayName}{' '}
              <select
                aria-label={t('placement.groupOf', { name: m.displayName })}
                value={m.groupId ?? ''}
                onChange={(e) => assign.mutate({ participantId: m.participantId, groupId: e.target.value || null })}
              >
                <option value="">{t('placement.none')}</option>
                {data.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </select>
            </label>
          </li>
        ))}
      </ul>
      <ErrorMessage error={assign.error} />
      <CsvImport sessionId={data.snapshot.session.id} activityId={data.view?.activityId ?? ''} />
    </section>
  );
}
