import argon2 from 'argon2';
import type { StaffRole } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { authRepository } from './auth.repository';

/**
 * The demo's staff accounts (seed/demo.ts), each created once (keyed by its e-mail) with an
 * argon2id hash of its password; the id of the account `facilitatorEmail` names.
 */
export async function seedDemoStaff(m: EntityManager, accounts: readonly (readonly [StaffRole, { email: string; displayName: string; password: string }])[], facilitatorEmail: string): Promise<string> {
  for (const [role, who] of accounts) {
    if (!(await authRepository.emailTaken(m, who.email))) {
      await authRepository.saveAccount(m, { email: who.email, displayName: who.displayName, role, passwordHash: await argon2.hash(who.password, { type: argon2.argon2id }) });
    }
  }
  return (await authRepository.findAccountByEmailOrFail(m, facilitatorEmail)).id;
}
