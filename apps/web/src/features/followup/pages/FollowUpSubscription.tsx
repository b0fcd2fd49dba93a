import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANG } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { followUpEndpoints } from '../api';

/**
 * On the public follow-up page: a member who took part asks to be emailed at each change. The
 * server emails a confirmation link to the roster address of a member who took part; the answer
 * (and this message) is the same for any address. Nothing is subscribed before the link is followed.
 */
export function SubscribeForm({ assemblyId }: { assemblyId: string }) {
  const { t } = useTranslation('followup');
  const headingId = useId();
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const subscribe = useMutation({ mutationFn: () => followUpEndpoints.subscribe(assemblyId, { email: email.trim(), consent: true }) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!consent) return;
    subscribe.mutate();
  };
  return (
    <form className="card stack" aria-labelledby={headingId} aria-busy={subscribe.isPending} onSubmit={submit}>
      <h2 id={headingId}>{t('subscribe.title')}</h2>
      <p className="muted">{t('subscribe.intro')}</p>
      <Field label={t('subscribe.email')} name="email" type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
      <label className="followup-consent">
        <input type="checkbox" name="consent" required checked={consent} onChange={(e) => setConsent(e.target.checked)} /> <span>{t('subscribe.consent')}</span>
      </label>
      <ErrorMessage error={subscribe.error} />
      <p role="status">{subscribe.isSuccess ? t('subscribe.sent', { email: email.trim() }) : ''}</p>
      <button type="submit" className="button button-primary" disabled={subscribe.isPending}>
        {t('subscribe.submit')}
      </button>
    </form>
  );
}

/**
 * The page an email's link opens (`?confirm=…` or `?unsubscribe=…`): one button does it, so a
 * mail scanner that fetches the link changes nothing. Works without an account.
 */
export function SubscriptionLink({ kind, token }: { kind: 'confirm' | 'unsubscribe'; token: string }) {
  const { t } = useTranslation('followup');
  const headingId = useId();
  const follow = useMutation({ mutationFn: () => followUpEndpoints.followLink(kind, token) });
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (follow.isSuccess) status.current?.focus();
  }, [follow.isSuccess]);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`link.${kind}.title`)}</h2>
      {follow.isSuccess ? (
        <p role="status" tabIndex={-1} ref={status}>
          {t(`link.${kind}.done`)} <span lang={CONTENT_LANG}>{follow.data.assembly.name}</span>
        </p>
      ) : (
        <>
          <p>{t(`link.${kind}.explain`)}</p>
          <ErrorMessage error={follow.error} />
          <button type="button" className="button button-primary" disabled={follow.isPending} onClick={() => follow.mutate()}>
            {t(`link.${kind}.button`)}
          </button>
        </>
      )}
    </section>
  );
}
