import '../floor.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorStance } from '@palabre/contracts';
import { estimatedWaitSeconds } from '@palabre/domain';
import type { ActivityViewProps } from '../../activity-view';
import { useCommand } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatSpeakingClock, useFloor, useFloorEvents, useFloorTimer, useMyRequest, useRecordMine } from '../hooks/useFloor';

const STANCES: (FloorStance | null)[] = [null, 'for', 'against', 'question'];

/** A member's phone: ask for the floor (for, against, a question; in the room or remote), see one's place, withdraw. */
export function FloorParticipant({ activity }: ActivityViewProps) {
  const { t } = useTranslation('floor');
  const send = useCommand();
  const announce = useAnnounce();
  const record = useRecordMine();
  useFloorEvents();
  const floor = useFloor();
  const list = floor.lists[activity.id];
  const mine = useMyRequest(activity.id, list);
  const remaining = useFloorTimer(list);
  const [stance, setStance] = useState<FloorStance | null>(null);
  const [remote, setRemote] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = activity.state === 'open';

  // A polite announcement when one's place changes (never each second, never moving the focus).
  const announced = useRef<string | null>(null);
  const placeKey = mine ? (mine.state === 'speaking' ? 'speaking' : `waiting:${mine.position}`) : null;
  useEffect(() => {
    if (placeKey === announced.current) return;
    const previous = announced.current;
    announced.current = placeKey;
    if (!mine || previous === null) return;
    announce(mine.state === 'speaking' ? t('announce.speaking') : t('announce.position', { position: mine.position }));
  }, [placeKey, mine, announce, t]);

  async function run(action: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const ask = () =>
    run(async () => {
      const request = await send('floor.request', { activityId: activity.id, stance, remote });
      announced.current = `waiting:${request.position}`;
      record(request);
      announce(t('announce.requested', { position: request.position }));
    });
  const withdraw = (requestId: string) =>
    run(async () => {
      const request = await send('floor.withdraw', { requestId });
      announced.current = null;
      record(request);
      announce(t('announce.withdrawn'));
    });

  const speakingSeconds = list?.config.speakingSeconds ?? 120;
  const waitMinutes = mine?.position ? Math.max(1, Math.round(estimatedWaitSeconds(mine.position, speakingSeconds, list?.speaker ? Math.max(0, (remaining ?? 0) / 1000) : 0) / 60)) : null;

  return (
    <div className="stack floor-phone">
      {list?.speaker && (
        <p className="floor-now">
          {t('now', { name: list.speaker.name })}
          {remaining !== null && <span className="floor-clock" role="timer" aria-live="off"> {formatSpeakingClock(remaining)}</span>}
        </p>
      )}
      {mine?.state === 'speaking' ? (
        <p className="card floor-mine" data-testid="floor-mine">
          <strong>{t('youSpeak')}</strong>
        </p>
      ) : mine ? (
        <div className="card floor-mine stack" data-testid="floor-mine">
          <p>
            <strong>{t('position', { position: mine.position, count: list?.queue.length ?? 0 })}</strong>
          </p>
          {waitMinutes !== null && <p className="muted">{t('wait', { count: waitMinutes })}</p>}
          {open && (
            <button type="button" className="button" disabled={busy} onClick={() => void withdraw(mine.id)}>
              {t('withdraw')}
            </button>
          )}
        </div>
      ) : open ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void ask();
          }}
        >
          <fieldset className="floor-stances">
            <legend>{t('stance.legend')}</legend>
            {STANCES.map((s) => (
              <label key={s ?? 'none'} className="floor-choice">
                <input type="radio" name={`stance-${activity.id}`} checked={stance === s} onChange={() => setStance(s)} /> {t(`stance.${s ?? 'none'}`)}
              </label>
            ))}
          </fieldset>
          <label className="floor-choice">
            <input type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} /> {t('remote')}
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('ask')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('closed')}</p>
      )}
      <ErrorMessage error={error} />
      <p className="muted">{t('waitingCount', { count: list?.queue.length ?? 0 })}</p>
    </div>
  );
}
