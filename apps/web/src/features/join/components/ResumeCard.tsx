import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { JoinResponse } from '@palabre/contracts';
import { clearSessionAuth } from '../../../lib/session-store';

/**
 * This browser already holds a participant of the session: « Vous êtes Alice Martin —
 * continuer / ce n'est pas moi ». Continuing resumes them (same participant, same ballots);
 * « not me » forgets them in this browser so someone else can join.
 */
export function ResumeCard({ auth, onNotMe }: { auth: JoinResponse; onNotMe: () => void }) {
  const { t } = useTranslation('join');
  return (
    <section className="card stack" aria-labelledby={`resume-${auth.session.id}`}>
      <h2 id={`resume-${auth.session.id}`}>{t('resume.youAre', { name: auth.participant.displayName })}</h2>
      <p>{t('resume.session', { title: auth.session.title })}</p>
      <div className="button-row">
        <Link className="button button-primary" to={`/s/${auth.session.id}`}>
          {t('resume.continue')}
        </Link>
        <button
          type="button"
          className="button"
          onClick={() => {
            clearSessionAuth('participant', auth.session.id);
            onNotMe();
          }}
        >
          {t('resume.notMe')}
        </button>
      </div>
    </section>
  );
}
