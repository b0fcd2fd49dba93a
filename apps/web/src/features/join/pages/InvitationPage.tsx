import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useJoinSession } from '../hooks/useJoinSession';

/** A personal invitation link (/i/<token>): joins at once, then opens the session. */
export function InvitationPage() {
  const { t } = useTranslation('join');
  const { invitation = '' } = useParams();
  const join = useJoinSession();
  const { mutate } = join;
  const started = useRef<string | null>(null);
  useDocumentTitle(t('invitation.title'));

  useEffect(() => {
    // Once per token, even under StrictMode's double effects.
    if (started.current === invitation) return;
    started.current = invitation;
    mutate({ invitation });
  }, [invitation, mutate]);

  return (
    <div className="stack narrow">
      <h1>{t('invitation.title')}</h1>
      {join.isError ? (
        <>
          <ErrorMessage error={join.error} />
          <p>
            <Link to="/">{t('invitation.backHome')}</Link>
          </p>
        </>
      ) : (
        <Loading label={t('invitation.joining')} />
      )}
    </div>
  );
}
