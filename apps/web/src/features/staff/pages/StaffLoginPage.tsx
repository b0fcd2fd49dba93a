import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoginBody, LoginResponse } from '@palabre/contracts';
import { apiRequest, apiUrl } from '../../../lib/api';
import { ApiError, parseErrorBody } from '../../../lib/errors';
import { setStaffAuth } from '../../../lib/session-store';
import { useStaffAuth } from '../../../lib/use-stored-auth';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Field } from '../../../ui/Field';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';

/** Only same-site paths are followed after sign-in. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/staff';
}

/**
 * Back from the organisation's directory, the API puts `#token=…` or `#error=CODE` in the URL
 * fragment (never sent to a server). Read once, then removed from the address and history.
 */
function useDirectoryReturn(): { token: string | null; error: ApiError | null } {
  const location = useLocation();
  const [found] = useState(() => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const code = fragment.get('error');
    const body = code ? parseErrorBody({ code, message: '' }) : null;
    return { token: fragment.get('token'), error: code ? (body ? ApiError.fromBody(body, 401) : new ApiError('BAD_RESPONSE', '', 401)) : null };
  });
  useEffect(() => {
    if (location.hash) window.history.replaceState(window.history.state, '', location.pathname + location.search);
  }, [location.hash, location.pathname, location.search]);
  return found;
}

export function StaffLoginPage() {
  const { t } = useTranslation('staff');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signedIn = useStaffAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const directory = useDirectoryReturn();
  const options = useQuery({ queryKey: ['auth-options'], queryFn: () => apiRequest('auth.options'), staleTime: Infinity });
  const signedInAs = (answer: LoginResponse) => {
    setStaffAuth(answer);
    void navigate(safeNext(params.get('next')), { replace: true });
  };
  const login = useMutation<LoginResponse, Error, LoginBody>({ mutationFn: (body) => apiRequest('auth.login', { body }), onSuccess: signedInAs });
  // The directory vouched for the person: the token is complete once we know whose it is.
  const fromDirectory = useMutation<LoginResponse, Error, string>({
    mutationFn: async (token) => ({ token, account: await apiRequest('auth.me', { token }) }),
    onSuccess: signedInAs,
  });
  const { mutate: completeDirectory } = fromDirectory;
  useEffect(() => {
    if (directory.token) completeDirectory(directory.token);
  }, [directory.token, completeDirectory]);
  useDocumentTitle(t('login.title'));

  if (signedIn && !login.isSuccess && !fromDirectory.isSuccess) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <div className="stack narrow">
      <h1>{t('login.title')}</h1>
      {fromDirectory.isPending && <p role="status">{t('login.directoryChecking')}</p>}
      <ErrorMessage error={directory.error ?? fromDirectory.error} />
      {options.data?.oidc && (
        <div className="card stack">
          {/* A plain link: the API answers with a redirect to the directory's own sign-in page. */}
          <a className="button button-primary" href={apiUrl('auth.oidc.start')}>
            {t('login.directory')}
          </a>
          <p className="muted">{t('login.or')}</p>
        </div>
      )}
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
