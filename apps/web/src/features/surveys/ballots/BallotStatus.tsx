import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../lib/live';

interface BallotStatusProps {
  id: string;
  connection: ConnectionState;
  /** This question's ballots waiting in the phone's queue (kept across reloads). */
  waiting: number;
  progress: { done: number; needed: number } | null;
  kind: 'ranking' | 'majority' | null;
}

/**
 * The line under « Voter »: how much of the ballot is filled in, no network, votes waiting to
 * be sent. Right where the member is looking, not only in the banner at the top of the page.
 */
export function BallotStatus({ id, connection, waiting, progress, kind }: BallotStatusProps) {
  const { t } = useTranslation('surveys');
  const offline = connection === 'offline' || connection === 'reconnecting';
  return (
    <div id={id} className="ballot-status">
      {progress && kind && progress.done < progress.needed && (
        <p className="ballot-progress">{t(`ballot.progress.${kind}`, { done: progress.done, count: progress.needed })}</p>
      )}
      <div role="status" className="ballot-network">
        {offline && <p className="ballot-offline">{t('ballot.noNetwork')}</p>}
        {waiting > 0 && <p className="ballot-waiting">{t('ballot.waiting', { count: waiting })}</p>}
      </div>
    </div>
  );
}
