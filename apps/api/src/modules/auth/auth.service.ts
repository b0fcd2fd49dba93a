import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource, QueryFailedError } from 'typeorm';
import type { CreateStaffBody, LoginResponse, StaffAccount as StaffAccountView } from '@palabre/contracts';
import { StaffSessions } from './staff-sessions';
import { AppError } from '../../common/errors/app-error';
import { LoginThrottle } from './login-throttle';
import { isStrongPassword } from './password-policy';
import { authRepository } from './auth.repository';
import type { StaffAccount } from './staff-account.entity';

/** Verified against when the email is unknown, so both answers take as long. */
const DECOY_HASH = argon2.hash('palabre-decoy-password', { type: argon2.argon2id });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

export function toStaffView(account: StaffAccount): StaffAccountView {
  return { id: account.id, email: account.email, displayName: account.displayName, role: account.role };
}

/** The staff password rule for REST and the CLI alike (see password-policy.ts). */
export function assertStrongPassword(password: string, personal: string[]): void {
  if (!isStrongPassword(password, personal)) throw new AppError('WEAK_PASSWORD');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: StaffSessions,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    this.throttle.check(address, email);
    const account = await authRepository.findAccountByEmail(this.db.manager, email);
    const valid = await argon2.verify(account?.passwordHash ?? (await DECOY_HASH), password);
    if (!account?.passwordHash || !valid) {
      this.throttle.failed(address, email);
      throw new AppError('INVALID_CREDENTIALS');
    }
    this.throttle.succeeded(address, email);
    return { token: await this.sessions.issue(account, 'password'), account: toStaffView(account) };
  }

  async logout(staffSessionId: string | undefined): Promise<void> {
    if (staffSessionId) await this.sessions.revoke(staffSessionId);
  }

  async me(accountId: string): Promise<StaffAccountView> {
    const account = await authRepository.findAccount(this.db.manager, accountId);
    if (!account) throw new AppError('UNAUTHENTICATED');
    return toStaffView(account);
  }

  async createAccount(body: CreateStaffBody): Promise<StaffAccountView> {
    assertStrongPassword(body.password, [body.email, body.displayName]);
    if (await authRepository.emailTaken(this.db.manager, body.email)) throw new AppError('EMAIL_TAKEN');
    const passwordHash = await argon2.hash(body.password, { type: argon2.argon2id });
    try {
      return toStaffView(await authRepository.createAccount(this.db.manager, { email: body.email, passwordHash, displayName: body.displayName, role: body.role }));
    } catch (error) {
      // A double submission passes the check above twice: the unique index tells the second one.
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN');
      throw error;
    }
  }
}
