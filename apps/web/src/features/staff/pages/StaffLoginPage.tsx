import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoginBody, LoginResponse } from '@palabre/contracts';
import { endpoints } from '../../../lib/endpoints';
import { setStaffAuth } from '../../../lib/session-store';
import { useStaffAuth } from '../../../lib/use-stored-auth';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';

/** Only same-site paths are followed after sign-in. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/staff';
}

export function StaffLoginPage() {
  const { t } = useTranslation('staff');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signedIn = useStaffAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation<LoginResponse, Error, LoginBody>({
    mutationFn: (body) => endpoints.login(body),
    onSuccess: (answer) => {
      setStaffAuth(answer);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  useDocumentTitle(t('login.title'));

  if (signedIn && !login.isSuccess) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <div className="stack narrow">
      <h1>{t('login.title')}</h1>
      <form className="card stack" onSubmit={submit} aria-busy={login.isPending}>
        <Field label={t('login.email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage error={login.error} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
