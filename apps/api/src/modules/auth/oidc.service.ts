import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { StaffRole, type ErrorCode } from '@palabre/contracts';
import { z } from 'zod';
import { StaffSessions, revokeStaffSessions } from './staff-sessions';
import { AppError, toAppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../../config/config';
import { authRepository } from './auth.repository';
import type { StaffAccount } from './staff-account.entity';

/** The browser's pending sign-in, kept in a signed, HTTP-only cookie for ten minutes. */
export const OIDC_COOKIE = 'palabre_oidc';
const PENDING_SECONDS = 600;
const PENDING_AUDIENCE = 'palabre-oidc-pending';
const Pending = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() });

/** Most privileged first: a person with several directory roles gets the highest. */
// An instructing service ranks last: a person who is also facilitator or above signs in as that.
const RANK: readonly StaffRole[] = ['admin', 'organiser', 'facilitator', 'instructor'];

const Profile = z.object({
  sub: z.string().min(1),
  email: z.email().optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
});

/** Where the browser goes once the directory answered: the web app, signed in or told why not. */
export type OidcOutcome = { token: string } | { error: ErrorCode };

/**
 * Staff sign-in through the organisation's directory: OpenID Connect authorization code flow
 * with PKCE (S256), state and nonce, through `openid-client`. The directory vouches for the
 * person; OIDC_ROLE_CLAIM and OIDC_ROLE_MAP decide their Palabre role at every sign-in.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');
  private readonly key: KeyObject;
  private discovered?: Promise<client.Configuration>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly sessions: StaffSessions,
  ) {
    this.key = createSecretKey(Buffer.from(config.tokenSecret, 'utf8'));
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  /** The directory's authorization URL and the cookie that remembers this attempt. */
  async start(): Promise<{ url: string; pending: string }> {
    const oidc = this.settings();
    const configuration = await this.configuration(oidc);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: oidc.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const pending = jwt.sign({ state, nonce, verifier }, this.key, { algorithm: 'HS256', audience: PENDING_AUDIENCE, expiresIn: PENDING_SECONDS });
    return { url: url.href, pending };
  }

  /** Completes the sign-in from the callback URL; never throws (the browser is redirected either way). */
  async finish(callbackPath: string, pendingCookie: string | undefined): Promise<OidcOutcome> {
    try {
      const oidc = this.settings();
      const pending = this.readPending(pendingCookie);
      const configuration = await this.configuration(oidc);
      const tokens = await client.authorizationCodeGrant(configuration, new URL(callbackPath, this.config.publicUrl), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims: Record<string, unknown> = tokens.claims() ?? {};
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, String(idClaims.sub));
      const claims: Record<string, unknown> = { ...idClaims, ...userInfo };
      const role = roleFrom(claimAt(claims, oidc.roleClaim), oidc.roleMap);
      if (!role) throw new AppError('OIDC_NO_ROLE');
      const account = await this.provision(oidc.issuer, Profile.parse(claims), role);
      return { token: await this.sessions.issue(account, 'oidc') };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'OIDC_NO_ROLE') return { error: 'OIDC_NO_ROLE' };
      // The reason stays in the log (no token, no code); the person is told to try again.
      this.logger.warn(`Directory sign-in failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      return { error: 'OIDC_FAILED' };
    }
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new AppError('NOT_FOUND');
    return this.config.oidc;
  }

  /** Discovery once per node, retried on the next sign-in if the directory was unreachable. */
  private configuration(oidc: OidcConfig): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, isLoopbackHttp(oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }

  private readPending(cookie: string | undefined): z.infer<typeof Pending> {
    if (!cookie) throw new AppError('OIDC_FAILED');
    try {
      return Pending.parse(jwt.verify(cookie, this.key, { algorithms: ['HS256'], audience: PENDING_AUDIENCE }));
    } catch {
      throw new AppError('OIDC_FAILED');
    }
  }

  /**
   * The staff account of this directory identity: found by (issuer, subject), else linked by its
   * verified email, else created without a password. Its role follows the directory; a changed
   * role signs the account out of its other sessions.
   */
  private async provision(issuer: string, profile: z.infer<typeof Profile>, role: StaffRole): Promise<StaffAccount> {
    return this.db.transaction(async (manager) => {
      const email = profile.email_verified === false ? undefined : profile.email?.toLowerCase();
      const displayName = (profile.name ?? [profile.given_name, profile.family_name].filter(Boolean).join(' ')).trim().slice(0, 60) || email || profile.sub.slice(0, 60);
      const existing = (await authRepository.findAccountByOidc(manager, issuer, profile.sub)) ?? (email ? await authRepository.findAccountByEmail(manager, email) : null);
      if (!existing) {
        if (!email) throw new AppError('OIDC_FAILED');
        return authRepository.createAccount(manager, { email, displayName, role, passwordHash: null, oidcIssuer: issuer, oidcSubject: profile.sub });
      }
      if (existing.oidcSubject && (existing.oidcIssuer !== issuer || existing.oidcSubject !== profile.sub)) throw new AppError('OIDC_FAILED');
      if (existing.role !== role) await revokeStaffSessions(manager, [existing.id]);
      return authRepository.saveAccount(manager, { ...existing, role, displayName, oidcIssuer: issuer, oidcSubject: profile.sub });
    });
  }
}

/** The value at a dotted claim path (`realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** The highest Palabre role the directory's values map to, or undefined. */
export function roleFrom(value: unknown, map: Record<string, StaffRole>): StaffRole | undefined {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const roles = new Set(values.filter((entry): entry is string => typeof entry === 'string').map((entry) => map[entry]).filter(Boolean));
  return RANK.find((role) => roles.has(role));
}

/** Plain HTTP is allowed only for a directory on this machine (tests, a local Keycloak). */
function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
