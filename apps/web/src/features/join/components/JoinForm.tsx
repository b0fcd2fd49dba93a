import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../lib/endpoints';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { SelectField } from '../../../ui/SelectField';
import { useJoinSession } from '../hooks/useJoinSession';

/**
 * Code + display name. With `initialCode` (from the QR code link) only the name is left to type,
 * and in an open session with a roster the member may pick their name from it (a facilitator
 * then confirms it, and they count as that member).
 */
export function JoinForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useTranslation('join');
  const [code, setCode] = useState(initialCode.toUpperCase());
  const [displayName, setDisplayName] = useState('');
  const [memberId, setMemberId] = useState('');
  const join = useJoinSession();
  const roster = useQuery({
    queryKey: ['join-roster', initialCode.toUpperCase()],
    queryFn: () => endpoints.rosterNames(initialCode.toUpperCase()),
    enabled: initialCode.length >= 4,
    retry: false,
    staleTime: 60_000,
  });
  const names = roster.data ?? [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    join.mutate({ code: code.trim().toUpperCase(), displayName: displayName.trim(), ...(memberId ? { memberId } : {}) });
  };

  const pick = (id: string) => {
    setMemberId(id);
    const member = names.find((n) => n.memberId === id);
    if (member) setDisplayName(member.name);
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
      {names.length > 0 && (
        <SelectField
          label={t('form.rosterName')}
          name="memberId"
          value={memberId}
          onChange={(e) => pick(e.target.value)}
          options={[{ value: '', label: t('form.notOnRoster') }, ...names.map((n) => ({ value: n.memberId, label: `${n.name} — ${n.perimeter}` }))]}
        />
      )}
      {memberId && <p className="hint">{t('form.rosterHint')}</p>}
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
