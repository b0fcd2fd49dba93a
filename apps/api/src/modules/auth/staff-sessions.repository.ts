import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { StaffSession } from './staff-session.entity';

/** The SQL of staff sign-ins (`staff_session`). */
export const staffSessionsRepository = {
  /** Forgets the account's sessions that expired before `now`. */
  async deleteExpired(m: EntityManager, accountId: string, now: Date): Promise<void> {
    await m.getRepository(StaffSession).delete({ accountId, expiresAt: LessThan(now) });
  },

  async insert(m: EntityManager, session: Pick<StaffSession, 'accountId' | 'method' | 'expiresAt' | 'revokedAt'>): Promise<StaffSession> {
    const repo = m.getRepository(StaffSession);
    return repo.save(repo.create(session));
  },

  /** The session of this account if it is not revoked, with its account (expiry is the caller's to check). */
  async unrevoked(m: EntityManager, staffSessionId: string, accountId: string): Promise<StaffSession | null> {
    return m.getRepository(StaffSession).findOne({ where: { id: staffSessionId, accountId, revokedAt: IsNull() }, relations: { account: true } });
  },

  async revoke(m: EntityManager, staffSessionId: string, at: Date): Promise<void> {
    await m.getRepository(StaffSession).update({ id: staffSessionId, revokedAt: IsNull() }, { revokedAt: at });
  },

  async revokeAll(m: EntityManager, accountIds: string[], at: Date): Promise<void> {
    await m.getRepository(StaffSession).update({ accountId: In(accountIds), revokedAt: IsNull() }, { revokedAt: at });
  },
};
