import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** The token stopped working (expired, revoked): say so and offer to join again. */
export function AccessLost({ error, joinCode }: { error: unknown; joinCode?: string }) {
  const { t } = useTranslation('session');
  return (
    <section className="stack narrow">
      <h1>{t('accessLost.title')}</h1>
      <ErrorMessage error={error} />
      <p>
        <Link to={joinCode ? `/join/${joinCode}` : '/'}>{t('accessLost.rejoin')}</Link>
      </p>
    </section>
  );
}
