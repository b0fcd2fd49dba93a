import '../room.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { PresenceView } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { useCommandMutation, useLiveEvent, useLiveSession } from '../../../lib/live';
import { getStaffAuth } from '../../../lib/session-store';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { OnlineList } from '../../staff/components/OnlineList';
import { useRoom } from '../hooks/useRoom';
import { AttendanceView } from './AttendanceView';
import { CurrentVoteTurnout } from './CurrentVoteTurnout';

export const attendanceKey = (sessionId: string) => ['attendance', sessionId] as const;

/** The staff console's participants panel: attendance figures, the quorum, who is online now. */
export function ParticipantsPanel({ presence }: { presence: PresenceView }) {
  const { t } = useTranslation('room');
  const { sessionId } = useLiveSession();
  const uid = useId();
  const attendance = useQuery({
    queryKey: attendanceKey(sessionId),
    queryFn: ({ signal }) => apiRequest('room.attendance', { params: { id: sessionId }, token: getStaffAuth()?.token, signal }),
    refetchOnWindowFocus: false,
  });
  // The figures are computed by the server: events only say "something changed", so refetch.
  // Coalesced: a plenary arriving at once would otherwise refetch once per connection.
  const refetch = attendance.refetch;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void refetch();
    }, 1000);
  };
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);
  useLiveEvent('presence.updated', soon);
  useLiveEvent('attendance.changed', soon);

  return (
    <section className="card stack participants-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('participants.title')}</h2>
      <CurrentVoteTurnout />
      {attendance.data ? <AttendanceView attendance={attendance.data} /> : attendance.error ? null : <Loading />}
      <ErrorMessage error={attendance.error} />
      <QuorumForm onSaved={() => void refetch()} />
      <OnlineList presence={presence} />
    </section>
  );
}

function QuorumForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('room');
  const uid = useId();
  const room = useRoom();
  const setQuorum = useCommandMutation('room.setQuorum');
  const [value, setValue] = useState(room.quorumPercent === null ? '' : String(room.quorumPercent));
  // Follow changes made by another facilitator (room.quorum event patches the snapshot).
  useEffect(() => setValue(room.quorumPercent === null ? '' : String(room.quorumPercent)), [room.quorumPercent]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const quorumPercent = value.trim() === '' ? null : Number(value);
    setQuorum.mutate({ quorumPercent }, { onSuccess: onSaved });
  };
  return (
    <form className="stack" onSubmit={onSubmit}>
      <label htmlFor={`${uid}-quorum`}>{t('participants.quorumLabel')}</label>
      <input id={`${uid}-quorum`} type="number" inputMode="numeric" min={1} max={100} step={1} value={value} onChange={(e) => {
        setQuorum.reset();
        setValue(e.target.value);
      }} />
      <button type="submit" className="button" disabled={setQuorum.isPending}>
        {t('participants.quorumSave')}
      </button>
      <ErrorMessage error={setQuorum.error} />
      <p role="status" className="muted">
        {setQuorum.isSuccess ? t('participants.quorumSaved') : ''}
      </p>
    </form>
  );
}
