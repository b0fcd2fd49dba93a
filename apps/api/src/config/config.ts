import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  COMMAND_BURST: z.coerce.number().int().min(1).default(30),
  COMMAND_RATE_PER_SECOND: z.coerce.number().min(0.1).default(10),
  FLOOD_REFUSALS: z.coerce.number().int().min(1).default(100),
  FLOOD_COOL_OFF_SECONDS: z.coerce.number().min(0).default(10),
  JOIN_BURST_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  JOIN_RATE_PER_ADDRESS: z.coerce.number().min(0.1).default(4),
  JOIN_BURST_PER_SESSION: z.coerce.number().int().min(1).default(100),
  JOIN_RATE_PER_SESSION: z.coerce.number().min(0.1).default(10),
  BENCH_DIAGNOSTICS_PORT: z.coerce.number().int().min(0).max(65535).optional().describe('Bench only: serve GET /stats (memory after GC, event-loop delay, CPU) on 127.0.0.1 at this port'),
});
export type Env = z.infer<typeof EnvSchema>;

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
  dbPoolSize: number;
  /** Per-participant command rate limit: a burst, then a sustained rate. */
  commandBurst: number;
  commandRatePerSecond: number;
  /** RATE_LIMITED refusals in a row after which a socket is closed for flooding. */
  floodRefusals: number;
  /** How long a flooder's handshakes are refused. */
  floodCoolOffSeconds: number;
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
}

export class ConfigError extends Error {}

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
    dbPoolSize: env.DB_POOL_SIZE,
    commandBurst: env.COMMAND_BURST,
    commandRatePerSecond: env.COMMAND_RATE_PER_SECOND,
    floodRefusals: env.FLOOD_REFUSALS,
    floodCoolOffSeconds: env.FLOOD_COOL_OFF_SECONDS,
    joinBurstPerAddress: env.JOIN_BURST_PER_ADDRESS,
    joinRatePerAddress: env.JOIN_RATE_PER_ADDRESS,
    joinBurstPerSession: env.JOIN_BURST_PER_SESSION,
    joinRatePerSession: env.JOIN_RATE_PER_SESSION,
    benchDiagnosticsPort: env.BENCH_DIAGNOSTICS_PORT,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
