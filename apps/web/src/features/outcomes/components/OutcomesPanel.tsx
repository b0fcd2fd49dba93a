import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivitySummary, ArchiveSummary, SessionSummary } from '@palabre/contracts';
import { useStaffAuth } from '../../../lib/use-stored-auth';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { outcomeEndpoints } from '../api';
import { ExportButtons } from './ExportButtons';

/** In the staff console: exports at any time (draft, then final), sealing once closed (organisers). */
export function OutcomesPanel({ session, activity }: { session: SessionSummary; activity?: ActivitySummary }) {
  const { t } = useTranslation('outcomes');
  const auth = useStaffAuth();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const seal = useMutation<ArchiveSummary, Error, void>({
    mutationFn: () => outcomeEndpoints.seal(auth?.token ?? '', session.id),
    onSuccess: () => {
      setConfirming(false);
      announce(t('seal.done'));
      void client.invalidateQueries({ queryKey: ['archive'] });
    },
  });
  if (!auth) return null;
  const canSeal = auth.account.role !== 'facilitator';

  return (
    <section className="card stack" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('exports.title')}</h2>
      <p className="muted">{t(session.state === 'live' || session.state === 'draft' ? 'exports.draftHint' : 'exports.finalHint')}</p>
      <ExportButtons token={auth.token} sessionId={session.id} />
      {activity && (
        <>
          <h3>{t('exports.activityTitle', { title: activity.title })}</h3>
          <ExportButtons token={auth.token} sessionId={session.id} activity={activity} />
        </>
      )}
      {session.state === 'archived' && (
        <p>
          <Link to={`/staff/archive/${session.id}`}>{t('seal.openArchive')}</Link>
        </p>
      )}
      {session.state === 'closed' && canSeal && (
        <div className="stack">
          <h3>{t('seal.title')}</h3>
          <p className="muted">{t('seal.hint')}</p>
          {confirming ? (
            <div className="button-row" role="group" aria-label={t('seal.confirmQuestion')}>
              <p id="seal-confirm">{t('seal.confirmQuestion')}</p>
              <button type="button" className="button button-primary" aria-describedby="seal-confirm" disabled={seal.isPending} onClick={() => seal.mutate()}>
                {t('seal.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('seal.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {t('seal.button')}
            </button>
          )}
          <ErrorMessage error={seal.error} />
        </div>
      )}
    </section>
  );
}
