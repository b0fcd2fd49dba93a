import type { StaffRole } from '@palabre/contracts';

/**
 * What the ActorResolver asks of staff sign-ins: the account behind a staff token's session, or
 * null when that session was revoked, expired or removed. The auth feature provides it
 * (modules/auth/staff-sessions.ts); common/ declares it so that it depends on no feature module.
 */
export interface StaffSessionLookup {
  accountOf(staffSessionId: string, accountId: string): Promise<{ id: string; role: StaffRole } | null>;
}

/** The injection token of the StaffSessionLookup. */
export const STAFF_SESSION_LOOKUP = Symbol('StaffSessionLookup');
