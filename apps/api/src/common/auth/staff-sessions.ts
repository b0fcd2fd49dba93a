import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, type EntityManager } from 'typeorm';
import type { StaffRole } from '@palabre/contracts';
import { StaffSession } from '../../modules/auth/staff-session.entity';
import type { StaffAccount } from '../../modules/auth/staff-account.entity';
import { STAFF_TOKEN_TTL_SECONDS, TokenService } from './tokens';

/**
 * Staff sign-ins that the server can end. Each staff token names one row; a token whose row is
 * revoked, expired or gone is refused on its next use (REST and socket handshake alike).
 */
@Injectable()
export class StaffSessions {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** Opens a staff session and returns its bearer token. */
  async issue(account: { id: string; role: StaffRole }, method: StaffSession['method']): Promise<string> {
    const repo = this.db.getRepository(StaffSession);
    // The account's ended sessions are of no use once expired: forget them as a new one starts.
    await repo.delete({ accountId: account.id, expiresAt: LessThan(new Date()) });
    const row = await repo.save(repo.create({ accountId: account.id, method, expiresAt: new Date(Date.now() + STAFF_TOKEN_TTL_SECONDS * 1000), revokedAt: null }));
    return this.tokens.signStaff(account.id, account.role, row.id);
  }

  /** The account behind a live staff session, or null when it was revoked, expired or removed. */
  async accountOf(staffSessionId: string, accountId: string): Promise<StaffAccount | null> {
    const row = await this.db.getRepository(StaffSession).findOne({ where: { id: staffSessionId, accountId, revokedAt: IsNull() }, relations: { account: true } });
    if (!row?.account || row.expiresAt.getTime() <= Date.now()) return null;
    return row.account;
  }

  /** Sign-out: this browser's token stops working. */
  async revoke(staffSessionId: string): Promise<void> {
    await this.db.getRepository(StaffSession).update({ id: staffSessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAll(accountIds: string[]): Promise<void> {
    await revokeStaffSessions(this.db.manager, accountIds);
  }
}

/** Every token of these accounts stops working (password reset, role change). Also used by the CLI. */
export async function revokeStaffSessions(manager: EntityManager, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await manager.getRepository(StaffSession).update({ accountId: In(accountIds), revokedAt: IsNull() }, { revokedAt: new Date() });
}
