import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { useJoinSession } from '../hooks/useJoinSession';

/** Code + display name. With `initialCode` (from the QR code link) only the name is left to type. */
export function JoinForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useTranslation('join');
  const [code, setCode] = useState(initialCode.toUpperCase());
  const [displayName, setDisplayName] = useState('');
  const join = useJoinSession();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    join.mutate({ code: code.trim().toUpperCase(), displayName: displayName.trim() });
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate={false} aria-busy={join.isPending}>
      <h2>{t('form.title')}</h2>
      <Field
        label={t('form.code')}
        hint={t('form.codeHint')}
        name="code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        minLength={4}
        maxLength={24}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        className="field-code"
      />
      <Field
        label={t('form.displayName')}
        hint={t('form.displayNameHint')}
        name="displayName"
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        required
        maxLength={60}
        autoComplete="name"
      />
      <ErrorMessage error={join.error} />
      <button type="submit" className="button button-primary" disabled={join.isPending}>
        {join.isPending ? t('form.submitting') : t('form.submit')}
      </button>
    </form>
  );
}
