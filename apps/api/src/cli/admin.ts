import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { CreateStaffBody, type StaffAccount as StaffAccountView, type StaffRole } from '@palabre/contracts';
import { StaffAccount } from '../modules/auth/staff-account.entity';
import { toStaffView } from '../modules/auth/auth.service';

export interface AdminInput {
  email: string;
  name: string;
  password: string;
  role?: StaffRole;
  /** Replace the password (and role, name) of an existing account instead of refusing. */
  reset?: boolean;
}

export class AdminInputError extends Error {}

/**
 * Creates (or with `reset`, updates) a staff account with the same rules as `POST /api/staff`:
 * the contracts' CreateStaffBody (valid email, password of 12+ characters) and an argon2id hash.
 */
export async function createStaffAccount(db: DataSource, input: AdminInput): Promise<{ account: StaffAccountView; created: boolean }> {
  const parsed = CreateStaffBody.safeParse({ email: input.email, password: input.password, displayName: input.name, role: input.role ?? 'admin' });
  if (!parsed.success) {
    const names: Record<string, string> = { email: '--email', displayName: '--name', password: 'password', role: '--role' };
    throw new AdminInputError(parsed.error.issues.map((i) => `${names[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const body = parsed.data;
  const repo = db.getRepository(StaffAccount);
  const existing = await repo.findOneBy({ email: body.email });
  if (existing && !input.reset) throw new AdminInputError(`An account already exists for ${body.email} (add --reset to replace its password).`);
  const passwordHash = await argon2.hash(body.password, { type: argon2.argon2id });
  const saved = await repo.save({ ...(existing ?? {}), email: body.email, displayName: body.displayName, role: body.role, passwordHash });
  return { account: toStaffView(saved), created: !existing };
}
