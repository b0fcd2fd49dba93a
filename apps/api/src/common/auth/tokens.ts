import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { ParticipantRole, StaffRole } from '@palabre/contracts';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';

const StaffClaims = z.object({ typ: z.literal('staff'), sub: z.uuid(), jti: z.uuid(), role: StaffRole });
const ParticipantClaims = z.object({ typ: z.literal('participant'), sub: z.uuid(), sid: z.uuid(), role: ParticipantRole });
const Claims = z.discriminatedUnion('typ', [StaffClaims, ParticipantClaims]);
export type TokenClaims = z.infer<typeof Claims>;

const ISSUER = 'palabre';
/** Staff tokens last a working day; signing out ends them sooner. */
export const STAFF_TOKEN_TTL_SECONDS = 12 * 3600;

/** Signed, expiring bearer tokens (HS256). Who a token is stays checked against the database on use. */
@Injectable()
export class TokenService {
  /**
   * Built once: given a string, jsonwebtoken first tries (and fails) to parse it as an asymmetric
   * key on every sign and verify — about 6 % of the API's CPU while 1,000 participants join (bench).
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'tokenSecret' | 'tokenTtlHours'>) {
    this.key = createSecretKey(Buffer.from(config.tokenSecret, 'utf8'));
  }

  /** A staff token names its StaffSession row (`jti`), which can be revoked; see StaffSessions. */
  signStaff(accountId: string, role: StaffRole, staffSessionId: string): string {
    return this.sign({ typ: 'staff', sub: accountId, jti: staffSessionId, role }, STAFF_TOKEN_TTL_SECONDS);
  }

  signParticipant(participantId: string, sessionId: string, role: ParticipantRole): string {
    return this.sign({ typ: 'participant', sub: participantId, sid: sessionId, role }, this.config.tokenTtlHours * 3600);
  }

  /** Throws UNAUTHENTICATED for a bad token and TOKEN_EXPIRED for an expired one. */
  verify(token: string | undefined | null): TokenClaims {
    if (!token || typeof token !== 'string' || token.length > 2048) throw new AppError('UNAUTHENTICATED');
    let decoded: unknown;
    try {
      decoded = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
    } catch (error) {
      throw new AppError(error instanceof jwt.TokenExpiredError ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
    const claims = Claims.safeParse(decoded);
    if (!claims.success) throw new AppError('UNAUTHENTICATED');
    return claims.data;
  }

  private sign(claims: TokenClaims, ttlSeconds: number): string {
    return jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER });
  }
}
