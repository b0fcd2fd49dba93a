import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { CreateStaffBody, type StaffAccount as StaffAccountView, type StaffRole } from '@palabre/contracts';
import { revokeStaffSessions } from '../modules/auth/staff-sessions';
import { StaffAccount } from '../modules/auth/staff-account.entity';
import { toStaffView } from '../modules/auth/auth.service';
import { isStrongPassword } from '../modules/auth/password-policy';
import { authRepository } from '../modules/auth/auth.repository';

export interface AdminInput {
  email: string;
  /** Required to create; on a reset, the name is kept when not given. */
  name?: string;
  password: string;
  /** Only when given: a new account is an admin by default, a reset keeps the account's role. */
  role?: StaffRole;
  /** Replace the password (and the name or role, when given) of an existing account instead of refusing. */
  reset?: boolean;
}

export class AdminInputError extends Error {}

/**
 * Creates (or with `reset`, updates) a staff account with the same rules as `POST /api/staff`:
 * the contracts' CreateStaffBody, the password policy and an argon2id hash. A reset signs the
 * account out everywhere: every staff token issued before it stops working.
 */
export async function createStaffAccount(db: DataSource, input: AdminInput): Promise<{ account: StaffAccountView; created: boolean }> {
  const email = CreateStaffBody.shape.email.safeParse(input.email);
  const existing = email.success ? await authRepository.findAccountByEmail(db.manager, email.data) : null;
  if (existing && !input.reset) throw new AdminInputError(`An account already exists for ${existing.email} (add --reset to replace its password).`);
  const parsed = CreateStaffBody.safeParse({
    email: input.email,
    password: input.password,
    displayName: input.name ?? existing?.displayName,
    role: input.role ?? existing?.role ?? 'admin',
  });
  if (!parsed.success) {
    const names: Record<string, string> = { email: '--email', displayName: '--name', password: 'password', role: '--role' };
    throw new AdminInputError(parsed.error.issues.map((i) => `${names[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const body = parsed.data;
  if (!isStrongPassword(body.password, [body.email, body.displayName])) {
    throw new AdminInputError('password: too easy to guess (a common word, a sequence, a repetition or your own name); choose a passphrase of at least 12 characters.');
  }
  const passwordHash = await argon2.hash(body.password, { type: argon2.argon2id });
  const saved = await db.transaction(async (manager) => {
    const row = await authRepository.saveAccount(manager, { ...(existing ?? {}), email: body.email, displayName: body.displayName, role: body.role, passwordHash });
    if (existing) await revokeStaffSessions(manager, [existing.id]);
    return row;
  });
  return { account: toStaffView(saved), created: !existing };
}
