import { useTranslation } from 'react-i18next';
import type { SessionState, SessionSummary } from '@palabre/contracts';
import { SESSION_TRANSITIONS } from '@palabre/domain';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SessionStateBadge } from '../../session/components/SessionStateBadge';

type Target = Exclude<SessionState, 'archived'>;

/** Open / close / reopen, as the session state machine allows. Sealing is done elsewhere. */
export function SessionControls({ session }: { session: SessionSummary }) {
  const { t } = useTranslation('staff');
  const announce = useAnnounce();
  const transition = useCommandMutation('session.transition');
  const targets = SESSION_TRANSITIONS[session.state].filter((to): to is Target => to !== 'archived');

  const go = (to: Target) =>
    transition.mutate({ to }, { onSuccess: (updated) => announce(t(`controls.done.${updated.state}`)) });

  return (
    <section className="card stack" aria-labelledby="controls-heading">
      <h2 id="controls-heading">{t('controls.title')}</h2>
      <p>
        <SessionStateBadge state={session.state} />
      </p>
      <div className="button-row">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'live' ? 'button button-primary' : 'button'}
            disabled={transition.isPending}
            onClick={() => go(to)}
          >
            {t(`controls.to.${to}.${session.state}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={transition.error} />
    </section>
  );
}
