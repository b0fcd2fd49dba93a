import '../room.css';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_LIMITS } from '@palabre/contracts/meta';
import type { ActivitySummary } from '@palabre/contracts';
import { useCommand } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useRoom } from '../hooks/useRoom';

export type PlanCommand = (plannedMinutes: number | null) => Promise<unknown>;

/** Console agenda: the item's planned duration, editable (`activity.plan`). */
export function PlannedDuration({ activity }: { activity: ActivitySummary }) {
  const send = useCommand();
  const minutes = useRoom().plan[activity.id] ?? null;
  return <PlannedDurationView title={activity.title} minutes={minutes} plan={(plannedMinutes) => send('activity.plan', { activityId: activity.id, plannedMinutes })} />;
}

export function PlannedDurationView({ title, minutes, plan }: { title: string; minutes: number | null; plan: PlanCommand }) {
  const { t } = useTranslation('room');
  const uid = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);

  const edit = () => {
    setValue(minutes === null ? '' : String(minutes));
    setError(null);
    setEditing(!editing);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await plan(value.trim() === '' ? null : Number(value));
      setEditing(false);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="planned-duration">
      <span className="agenda-meta" data-testid="planned-duration">
        {minutes === null ? t('plan.none') : t('plan.minutes', { count: minutes })}
      </span>{' '}
      <button type="button" className="button" aria-expanded={editing} aria-label={t('plan.edit', { title })} onClick={edit}>
        {t('plan.editShort')}
      </button>
      {editing && (
        <form className="planned-duration-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor={`${uid}-minutes`}>{t('plan.label', { title })}</label>
          <input
            id={`${uid}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={ROOM_LIMITS.plannedMinutesMax}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="button">
            {t('plan.save')}
          </button>
          <ErrorMessage error={error} />
        </form>
      )}
    </div>
  );
}
