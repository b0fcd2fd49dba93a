import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StaffRole } from '@palabre/contracts';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting Palabre reads, parsed once at boot. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  TOKEN_SECRET: z.string().min(32).optional(),
  TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  ALLOWED_ORIGINS: z.string().optional().describe('Comma-separated list of allowed browser origins'),
  SEED_DEMO: bool.optional(),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(2000),
  MAX_SOCKETS_PER_PARTICIPANT: z.coerce.number().int().min(1).default(5),
  TRUST_PROXY: z.string().optional().describe('Comma-separated addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed (or loopback, linklocal, uniquelocal)'),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles').describe('Claim (dotted path, e.g. realm_access.roles) holding the directory roles or groups'),
  OIDC_ROLE_MAP: z.string().optional().describe('Comma-separated value=role pairs, e.g. palabre-admins=admin,animateurs=facilitator'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  COMMAND_BURST: z.coerce.number().int().min(1).default(30),
  COMMAND_RATE_PER_SECOND: z.coerce.number().min(0.1).default(10),
  FLOOD_REFUSALS: z.coerce.number().int().min(1).default(100),
  FLOOD_COOL_OFF_SECONDS: z.coerce.number().min(0).default(10),
  TZ_DISPLAY: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .default('Europe/Paris')
    .describe('Time zone the minutes and spreadsheets print times in'),
  ANON_MIX_BATCH: z.coerce.number().int().min(2).max(500).default(5),
  ANON_MIX_WINDOW_MS: z.coerce.number().int().min(10).max(60_000).default(750),
  PROCESSED_OP_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(7).describe('Days after a session is sealed before its commands\' idempotency records (processed_op) are purged'),
  JOIN_BURST_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  JOIN_RATE_PER_ADDRESS: z.coerce.number().min(0.1).default(4),
  JOIN_BURST_PER_SESSION: z.coerce.number().int().min(1).default(100),
  JOIN_RATE_PER_SESSION: z.coerce.number().min(0.1).default(10),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional().describe('SMTP server for follow-up notifications, e.g. smtps://user:password@smtp.example.org:465; unset: no email is sent'),
  SMTP_FROM: z.string().min(3).default('Palabre <no-reply@localhost>').describe('From address of the notifications'),
  BENCH_DIAGNOSTICS_PORT: z.coerce.number().int().min(0).max(65535).optional().describe('Bench only: serve GET /stats (memory after GC, event-loop delay, CPU) on 127.0.0.1 at this port'),
});
export type Env = z.infer<typeof EnvSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  publicUrl: string;
  tokenSecret: string;
  tokenTtlHours: number;
  allowedOrigins: string[];
  seedDemo: boolean;
  webDist?: string;
  logLevel: Env['LOG_LEVEL'];
  maxConnectionsPerIp: number;
  /** Live sockets one participant may hold at once, across tabs and devices. */
  maxSocketsPerParticipant: number;
  /** Reverse proxies whose X-Forwarded-For is believed (proxy-addr syntax); empty: none. */
  trustProxy: string[];
  /** Staff sign-in through the organisation's directory; undefined when not configured. */
  oidc?: OidcConfig;
  dbPoolSize: number;
  /** Per-participant command rate limit: a burst, then a sustained rate. */
  commandBurst: number;
  commandRatePerSecond: number;
  /** RATE_LIMITED refusals in a row after which a socket is closed for flooding. */
  floodRefusals: number;
  /** How long a flooder's handshakes are refused. */
  floodCoolOffSeconds: number;
  /** IANA zone the exports print times in (TZ_DISPLAY); stored times stay UTC. */
  displayTimeZone: string;
  /** Anonymous ballots: a mixing batch is written once it holds this many ballots (k)… */
  anonMixBatch: number;
  /** …or this long after its first ballot arrived, padded to k with ballots already cast. */
  anonMixWindowMs: number;
  /** Days after a session's seal before its `processed_op` rows are purged (hourly). */
  processedOpRetentionDays: number;
  /**
   * Joins (code, invitation, screen pairing) per client address and per session: a burst, then a
   * sustained rate. The defaults let 270 people behind one venue address join within a minute.
   */
  joinBurstPerAddress: number;
  joinRatePerAddress: number;
  joinBurstPerSession: number;
  joinRatePerSession: number;
  /** Bench only (`npm run bench`): loopback diagnostics port; unset in production. */
  benchDiagnosticsPort?: number;
  /** Follow-up notifications (docs/operations.md): SMTP server URL; unset, none is sent. */
  smtpUrl?: string;
  smtpFrom?: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset for a public client (PKCE alone). */
  clientSecret?: string;
  scopes: string;
  /** Dotted path of the claim carrying the directory's roles or groups. */
  roleClaim: string;
  /** Directory value → Palabre staff role. */
  roleMap: Record<string, StaffRole>;
}

export class ConfigError extends Error {}

/** `a=admin,b=facilitator`; without a map, the directory's values are Palabre's role names. */
function parseRoleMap(value: string | undefined): Record<string, StaffRole> {
  if (!value) return { admin: 'admin', organiser: 'organiser', facilitator: 'facilitator' };
  const map: Record<string, StaffRole> = {};
  for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const role = StaffRole.safeParse(pair.slice(at + 1).trim());
    if (at <= 0 || !role.success) throw new ConfigError(`Invalid configuration:\n  OIDC_ROLE_MAP: "${pair}" is not value=${StaffRole.options.join('|')}`);
    map[pair.slice(0, at).trim()] = role.data;
  }
  return map;
}

/** Checked at boot with the same parser that will read X-Forwarded-For. */
function trustedProxies(value: string | undefined): string[] {
  const list = value ? value.split(',').map((p) => p.trim()).filter(Boolean) : [];
  try {
    proxyaddr.compile(list);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY: ${error instanceof Error ? error.message : String(error)}`);
  }
  return list;
}

function oidcConfig(env: Env): OidcConfig | undefined {
  if (!env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) return undefined;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID: set both to enable directory sign-in, or neither');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    scopes: env.OIDC_SCOPES,
    roleClaim: env.OIDC_ROLE_CLAIM,
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP),
  };
}

/** Parse the environment; a bad value stops boot with the variable's name. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Secrets not given in the environment are generated once and kept under DATA_DIR (never printed). */
function storedSecret(dataDir: string, name: string): string {
  const file = join(dataDir, 'secrets', name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseEnv(source);
  const dataDir = resolve(env.DATA_DIR);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir,
    publicUrl,
    tokenSecret: env.TOKEN_SECRET ?? storedSecret(dataDir, 'token-secret'),
    tokenTtlHours: env.TOKEN_TTL_HOURS,
    allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : [publicUrl],
    // The demo is seeded in development by default, never in production unless asked.
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
    webDist: env.WEB_DIST,
    logLevel: env.LOG_LEVEL,
    maxConnectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
    maxSocketsPerParticipant: env.MAX_SOCKETS_PER_PARTICIPANT,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    oidc: oidcConfig(env),
    dbPoolSize: env.DB_POOL_SIZE,
    commandBurst: env.COMMAND_BURST,
    commandRatePerSecond: env.COMMAND_RATE_PER_SECOND,
    floodRefusals: env.FLOOD_REFUSALS,
    floodCoolOffSeconds: env.FLOOD_COOL_OFF_SECONDS,
    displayTimeZone: env.TZ_DISPLAY,
    anonMixBatch: env.ANON_MIX_BATCH,
    anonMixWindowMs: env.ANON_MIX_WINDOW_MS,
    processedOpRetentionDays: env.PROCESSED_OP_RETENTION_DAYS,
    joinBurstPerAddress: env.JOIN_BURST_PER_ADDRESS,
    joinRatePerAddress: env.JOIN_RATE_PER_ADDRESS,
    joinBurstPerSession: env.JOIN_BURST_PER_SESSION,
    joinRatePerSession: env.JOIN_RATE_PER_SESSION,
    benchDiagnosticsPort: env.BENCH_DIAGNOSTICS_PORT,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
