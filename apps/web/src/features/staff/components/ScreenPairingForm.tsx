import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { useLiveSession } from '../../../lib/live';
import { getStaffAuth } from '../../../lib/session-store';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** « Écrans »: type the code a projector page shows to make it a screen of this session. */
export function ScreenPairingForm() {
  const { t } = useTranslation('staff');
  const uid = useId();
  const { sessionId } = useLiveSession();
  const [code, setCode] = useState('');
  const approve = useMutation({ mutationFn: (value: string) => apiRequest('screens.pairing.approve', { token: getStaffAuth()?.token, params: { id: sessionId }, body: { code: value } }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    approve.mutate(code.trim(), { onSuccess: () => setCode('') });
  };
  return (
    <section className="card stack" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('screens.title')}</h2>
      <p className="hint">{t('screens.hint')}</p>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={`${uid}-code`}>{t('screens.code')}</label>
        <input
          id={`${uid}-code`}
          value={code}
          onChange={(e) => {
            approve.reset();
            setCode(e.target.value.toUpperCase());
          }}
          required
          minLength={6}
          maxLength={7}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={approve.isPending}>
          {t('screens.approve')}
        </button>
      </form>
      <ErrorMessage error={approve.error} />
      {approve.isSuccess && (
        <p role="status" className="muted">
          {t('screens.paired')}
        </p>
      )}
    </section>
  );
}
