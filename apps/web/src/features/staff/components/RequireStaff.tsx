import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { LoginResponse } from '@palabre/contracts';
import { useStaffAuth } from '../../../lib/use-stored-auth';

/** Renders `children(auth)` for a signed-in staff member, else redirects to sign-in and back. */
export function RequireStaff({ children }: { children: (auth: LoginResponse) => ReactNode }) {
  const auth = useStaffAuth();
  const location = useLocation();
  if (!auth) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/staff/login?next=${next}`} replace />;
  }
  return <>{children(auth)}</>;
}
