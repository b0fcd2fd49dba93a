import '../floor.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorRequestView, Gender, MemberCategory, TerritoryType } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommand } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { SelectField } from '../../../ui/SelectField';
import { formatSpeakingClock, useFloor, useFloorEvents, useFloorTimer } from '../hooks/useFloor';
import { SpeakerLine } from './FloorScreen';

const GENDERS: Gender[] = ['femme', 'homme', 'autre'];
const CATEGORIES: MemberCategory[] = ['elu', 'citoyen'];
const TERRITORY_TYPES: TerritoryType[] = ['metropole', 'agglomeration', 'territoire_projet', 'bourg_centre'];

/** The facilitators' speakers' list: the order with why, the floor, the countdown, overrides, adding a person. */
export function FloorConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('floor');
  const send = useCommand();
  useFloorEvents();
  const list = useFloor().lists[activity.id];
  const remaining = useFloorTimer(list);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [priority, setPriority] = useState(false);
  // What balance needs to know of a person without a phone (all optional: unknown is never guessed).
  const [gender, setGender] = useState<Gender | ''>('');
  const [category, setCategory] = useState<MemberCategory | ''>('');
  const [territoryType, setTerritoryType] = useState<TerritoryType | ''>('');
  const [territory, setTerritory] = useState('');
  const open = activity.state === 'open';

  async function run(promise: Promise<unknown>) {
    setError(null);
    try {
      await promise;
    } catch (err) {
      setError(err);
    }
  }

  const reason = (r: FloorRequestView) => (r.reason ? t(`reason.${r.reason.code}`, { value: r.reason.code === 'parity' || r.reason.code === 'category' ? t(`value.${String(r.reason.value)}`) : r.reason.value }) : '');

  return (
    <div className="stack floor-console">
      <ErrorMessage error={error} />
      <section className="card stack" aria-label={t('console.speaker')}>
        {list?.speaker ? (
          <>
            <p>
              <strong data-testid="floor-console-speaker">{list.speaker.name}</strong> <SpeakerLine r={list.speaker} />
            </p>
            {remaining !== null && (
              <p className="floor-clock" role="timer" aria-live="off">
                {formatSpeakingClock(remaining)} {list.timer && !list.timer.running && <span className="badge">{t('paused')}</span>}
              </p>
            )}
            {open && (
              <div className="row">
                {list.timer?.running ? (
                  <button type="button" className="button" onClick={() => void run(send('floor.timer', { activityId: activity.id, action: 'pause' }))}>
                    {t('console.pause')}
                  </button>
                ) : (
                  <button type="button" className="button" onClick={() => void run(send('floor.timer', { activityId: activity.id, action: 'start' }))}>
                    {t('console.start')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => void run(send('floor.timer', { activityId: activity.id, action: 'extend', seconds: 30 }))}>
                  {t('console.extend')}
                </button>
                <button type="button" className="button" onClick={() => void run(send('floor.timer', { activityId: activity.id, action: 'end' }))}>
                  {t('console.end')}
                </button>
              </div>
            )}
          </>
        ) : (
          <p className="muted">{t('console.nobody')}</p>
        )}
      </section>
      <section className="stack" aria-label={t('console.list')}>
        <h3>{t('console.list')}</h3>
        {!list || list.waiting.length === 0 ? (
          <p className="muted">{t('console.empty')}</p>
        ) : (
          <ol className="stack floor-queue">
            {list.waiting.map((r) => (
              <li key={r.id} className="card floor-request" data-request-id={r.id}>
                <p>
                  <strong>{r.name}</strong> {r.priority && <span className="badge">{t('priority')}</span>} <SpeakerLine r={r} />
                </p>
                <p className="muted floor-reason">{reason(r)}</p>
                {open && (
                  <div className="row">
                    <button type="button" className="button" aria-label={t('console.giveTo', { name: r.name })} onClick={() => void run(send('floor.give', { requestId: r.id }))}>
                      {t('console.give')}
                    </button>
                    {r.position !== null && r.position > 1 && (
                      <button type="button" className="button" aria-label={t('console.upFor', { name: r.name })} onClick={() => void run(send('floor.move', { requestId: r.id, position: (r.position ?? 2) - 1 }))}>
                        {t('console.up')}
                      </button>
                    )}
                    {r.reason?.code === 'pinned' && (
                      <button type="button" className="button" aria-label={t('console.unpinFor', { name: r.name })} onClick={() => void run(send('floor.move', { requestId: r.id, position: null }))}>
                        {t('console.unpin')}
                      </button>
                    )}
                    <button type="button" className="button" aria-label={t('console.removeFor', { name: r.name })} onClick={() => void run(send('floor.withdraw', { requestId: r.id }))}>
                      {t('console.remove')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {open && (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            const profile = {
              ...(gender ? { gender } : {}),
              ...(category ? { category } : {}),
              ...(territoryType ? { territoryType } : {}),
              ...(territory.trim() ? { territory: territory.trim() } : {}),
            };
            void run(
              send('floor.add', { activityId: activity.id, name: name.trim(), priority, ...profile }).then(() => {
                setName('');
                setGender('');
                setCategory('');
                setTerritoryType('');
                setTerritory('');
              }),
            );
          }}
        >
          <label className="field">
            <span>{t('console.addName')}</span>
            <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          </label>
          <SelectField
            label={t('console.gender')}
            value={gender}
            onChange={(e) => setGender(e.target.value as Gender | '')}
            options={[{ value: '', label: t('console.unknown') }, ...GENDERS.map((g) => ({ value: g, label: t(`console.genders.${g}`) }))]}
          />
          <SelectField
            label={t('console.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value as MemberCategory | '')}
            options={[{ value: '', label: t('console.unknown') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
          />
          <SelectField
            label={t('console.territoryType')}
            value={territoryType}
            onChange={(e) => setTerritoryType(e.target.value as TerritoryType | '')}
            options={[{ value: '', label: t('console.unknown') }, ...TERRITORY_TYPES.map((v) => ({ value: v, label: t(`console.territoryTypes.${v}`) }))]}
          />
          <Field label={t('console.territory')} value={territory} maxLength={120} onChange={(e) => setTerritory(e.target.value)} />
          <label className="floor-choice">
            <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} /> {t('console.priority')}
          </label>
          <button type="submit" className="button">
            {t('console.add')}
          </button>
        </form>
      )}
    </div>
  );
}
