import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource, QueryFailedError } from 'typeorm';
import type { CreateStaffBody, LoginResponse, StaffAccount as StaffAccountView } from '@palabre/contracts';
import { TokenService } from '../../common/auth/tokens';
import { AppError } from '../../common/errors/app-error';
import { StaffAccount } from './staff-account.entity';

const MAX_FAILURES = 5;
const WINDOW_MS = 10 * 60 * 1000;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

export function toStaffView(a: StaffAccount): StaffAccountView {
  return { id: a.id, email: a.email, displayName: a.displayName, role: a.role };
}

@Injectable()
export class AuthService {
  /** Failed sign-ins per email (per node): slows down password guessing. */
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const now = Date.now();
    const record = this.failures.get(email);
    if (record && now - record.since < WINDOW_MS && record.count >= MAX_FAILURES) throw new AppError('LOGIN_THROTTLED');
    const account = await this.db.getRepository(StaffAccount).findOneBy({ email });
    const valid = account ? await argon2.verify(account.passwordHash, password) : await argon2.hash(password).then(() => false);
    if (!account || !valid) {
      const fresh = !record || now - record.since >= WINDOW_MS;
      this.failures.set(email, { count: fresh ? 1 : record.count + 1, since: fresh ? now : record.since });
      throw new AppError('INVALID_CREDENTIALS');
    }
    this.failures.delete(email);
    return { token: this.tokens.signStaff(account.id, account.role), account: toStaffView(account) };
  }

  async me(accountId: string): Promise<StaffAccountView> {
    const account = await this.db.getRepository(StaffAccount).findOneBy({ id: accountId });
    if (!account) throw new AppError('UNAUTHENTICATED');
    return toStaffView(account);
  }

  async createAccount(body: CreateStaffBody): Promise<StaffAccountView> {
    const repo = this.db.getRepository(StaffAccount);
    if (await repo.existsBy({ email: body.email })) throw new AppError('EMAIL_TAKEN');
    const passwordHash = await argon2.hash(body.password, { type: argon2.argon2id });
    try {
      return toStaffView(await repo.save(repo.create({ email: body.email, passwordHash, displayName: body.displayName, role: body.role })));
    } catch (error) {
      // A double submission passes the check above twice: the unique index tells the second one.
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN');
      throw error;
    }
  }
}
