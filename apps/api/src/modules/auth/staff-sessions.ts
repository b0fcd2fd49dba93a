import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffRole } from '@palabre/contracts';
import type { StaffSessionLookup } from '../../common/auth/staff-session-lookup';
import { STAFF_TOKEN_TTL_SECONDS, TokenService } from '../../common/auth/tokens';
import type { StaffAccount } from './staff-account.entity';
import type { StaffSession } from './staff-session.entity';
import { staffSessionsRepository } from './staff-sessions.repository';

/**
 * Staff sign-ins that the server can end. Each staff token names one row; a token whose row is
 * revoked, expired or gone is refused on its next use (REST and socket handshake alike: the
 * ActorResolver of common/auth asks `accountOf` through STAFF_SESSION_LOOKUP).
 */
@Injectable()
export class StaffSessions implements StaffSessionLookup {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** Opens a staff session and returns its bearer token. */
  async issue(account: { id: string; role: StaffRole }, method: StaffSession['method']): Promise<string> {
    // The account's ended sessions are of no use once expired: forget them as a new one starts.
    await staffSessionsRepository.deleteExpired(this.db.manager, account.id, new Date());
    const row = await staffSessionsRepository.insert(this.db.manager, { accountId: account.id, method, expiresAt: new Date(Date.now() + STAFF_TOKEN_TTL_SECONDS * 1000), revokedAt: null });
    return this.tokens.signStaff(account.id, account.role, row.id);
  }

  /** The account behind a live staff session, or null when it was revoked, expired or removed. */
  async accountOf(staffSessionId: string, accountId: string): Promise<StaffAccount | null> {
    const row = await staffSessionsRepository.unrevoked(this.db.manager, staffSessionId, accountId);
    if (!row?.account || row.expiresAt.getTime() <= Date.now()) return null;
    return row.account;
  }

  /** Sign-out: this browser's token stops working. */
  async revoke(staffSessionId: string): Promise<void> {
    await staffSessionsRepository.revoke(this.db.manager, staffSessionId, new Date());
  }

  async revokeAll(accountIds: string[]): Promise<void> {
    await revokeStaffSessions(this.db.manager, accountIds);
  }
}

/** Every token of these accounts stops working (password reset, role change). Also used by the CLI. */
export async function revokeStaffSessions(manager: EntityManager, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await staffSessionsRepository.revokeAll(manager, accountIds, new Date());
}
