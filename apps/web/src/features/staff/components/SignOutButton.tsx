import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../../lib/api';
import { forgetStaffAuth } from '../../../lib/session-store';

/**
 * Signs the staff member out: the server revokes the token first, then this browser forgets it
 * and the console tokens it opened sessions with.
 * The browser forgets it even when the server cannot be reached (the token then simply expires).
 */
export function SignOutButton({ token }: { token: string }) {
  const { t } = useTranslation('staff');
  const [pending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    try {
      await apiRequest('auth.logout', { token });
    } catch {
      // Already revoked or offline: nothing more this browser can do.
    } finally {
      forgetStaffAuth();
    }
  };
  return (
    <button type="button" className="button button-link" onClick={() => void signOut()} disabled={pending} aria-busy={pending}>
      {pending ? t('signingOut') : t('signOut')}
    </button>
  );
}
