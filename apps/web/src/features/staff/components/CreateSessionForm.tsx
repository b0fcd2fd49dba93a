import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessMode } from '@palabre/contracts';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { SelectField } from '../../../ui/SelectField';
import { useCreateSession } from '../hooks/useStaffQueries';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function CreateSessionForm({ token }: { token: string }) {
  const { t } = useTranslation('staff');
  const announce = useAnnounce();
  const create = useCreateSession(token);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today);
  const [joinCode, setJoinCode] = useState('');
  const [accessMode, setAccessMode] = useState<AccessMode>('open');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = joinCode.trim().toUpperCase();
    create.mutate(
      { title: title.trim(), date, accessMode, ...(code ? { joinCode: code } : {}) },
      {
        onSuccess: (session) => {
          announce(t('create.done', { title: session.title, code: session.joinCode }));
          setTitle('');
          setJoinCode('');
        },
      },
    );
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="create-session-heading" aria-busy={create.isPending}>
      <h2 id="create-session-heading">{t('create.title')}</h2>
      <Field label={t('create.sessionTitle')} name="title" required minLength={3} maxLength={160} value={title} onChange={(e) => setTitle(e.target.value)} />
      <Field label={t('create.date')} name="date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      <Field
        label={t('create.joinCode')}
        hint={t('create.joinCodeHint')}
        name="joinCode"
        maxLength={24}
        autoCapitalize="characters"
        autoComplete="off"
        value={joinCode}
        onChange={(e) => setJoinCode(e.target.value)}
      />
      <SelectField
        label={t('create.accessMode')}
        name="accessMode"
        value={accessMode}
        onChange={(e) => setAccessMode(e.target.value === 'roster' ? 'roster' : 'open')}
        options={[
          { value: 'open', label: t('accessMode.open') },
          { value: 'roster', label: t('accessMode.roster') },
        ]}
      />
      <ErrorMessage error={create.error} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('create.submit')}
      </button>
    </form>
  );
}
