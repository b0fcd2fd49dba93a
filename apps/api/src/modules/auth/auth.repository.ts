import type { DeepPartial, EntityManager } from 'typeorm';
import { StaffAccount } from './staff-account.entity';

/** The auth module's TypeORM queries: staff accounts (issue #20). */
export const authRepository = {
  findAccount(m: EntityManager, accountId: string): Promise<StaffAccount | null> {
    return m.getRepository(StaffAccount).findOneBy({ id: accountId });
  },

  findAccountByEmail(m: EntityManager, email: string): Promise<StaffAccount | null> {
    return m.getRepository(StaffAccount).findOneBy({ email });
  },

  /** The account linked to this directory identity (OIDC issuer and subject). */
  findAccountByOidc(m: EntityManager, issuer: string, subject: string): Promise<StaffAccount | null> {
    return m.getRepository(StaffAccount).findOneBy({ oidcIssuer: issuer, oidcSubject: subject });
  },

  findAccountByEmailOrFail(m: EntityManager, email: string): Promise<StaffAccount> {
    return m.getRepository(StaffAccount).findOneByOrFail({ email });
  },

  emailTaken(m: EntityManager, email: string): Promise<boolean> {
    return m.getRepository(StaffAccount).existsBy({ email });
  },

  /** Creates and saves a new account (the unique email index refuses a duplicate). */
  createAccount(m: EntityManager, account: DeepPartial<StaffAccount>): Promise<StaffAccount> {
    const repo = m.getRepository(StaffAccount);
    return repo.save(repo.create(account));
  },

  /** Inserts an account, or updates it when `account` carries the id of an existing one. */
  saveAccount(m: EntityManager, account: DeepPartial<StaffAccount>): Promise<StaffAccount> {
    return m.getRepository(StaffAccount).save(account);
  },
};
