import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'palabre-config-'));
}

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration from the environment', () => {
  it('starts with nothing set: port 3000, embedded database under ./data, demo seeded', () => {
    const dataDir = freshDataDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir, seedDemo: true, publicUrl: 'http://localhost:3000' });
    expect(config.allowedOrigins).toEqual(['http://localhost:3000']);
  });

  it('stops on a bad PORT with a message naming the variable', () => {
    expect(configError({ DATA_DIR: freshDataDir(), PORT: 'trois-mille' })).toMatch(/^ {2}PORT: /m);
    expect(configError({ DATA_DIR: freshDataDir(), PORT: '70000' })).toMatch(/PORT/);
  });

  it('stops on a DATABASE_URL that is not a PostgreSQL URL, naming the variable', () => {
    const message = configError({ DATA_DIR: freshDataDir(), DATABASE_URL: 'mysql://root@localhost/palabre' });
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toMatch(/PORT/);
  });

  it('prints times in Paris by default, in another IANA zone when asked, and refuses an unknown zone', () => {
    expect(loadConfig({ DATA_DIR: freshDataDir() }).displayTimeZone).toBe('Europe/Paris');
    expect(loadConfig({ DATA_DIR: freshDataDir(), TZ_DISPLAY: 'America/Cayenne' }).displayTimeZone).toBe('America/Cayenne');
    expect(configError({ DATA_DIR: freshDataDir(), TZ_DISPLAY: 'Paris' })).toMatch(/^ {2}TZ_DISPLAY: must be an IANA time zone/m);
  });

  it('lists every bad variable at once', () => {
    const message = configError({ DATA_DIR: freshDataDir(), PORT: '-1', REDIS_URL: 'http://cache', TOKEN_SECRET: 'court' });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).toMatch(/TOKEN_SECRET/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATA_DIR: freshDataDir(), PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('generates the token secret once under DATA_DIR, private to the owner, and reuses it', () => {
    const dataDir = freshDataDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.tokenSecret).toBe(first.tokenSecret);
    const file = join(dataDir, 'secrets', 'token-secret');
    expect(readFileSync(file, 'utf8')).toBe(first.tokenSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({ DATA_DIR: freshDataDir() }).tokenSecret).not.toBe(first.tokenSecret);
  });

  it('prefers TOKEN_SECRET from the environment', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ DATA_DIR: freshDataDir(), TOKEN_SECRET: secret }).tokenSecret).toBe(secret);
  });

  it('seeds the demo in development and test, not in production unless SEED_DEMO asks', () => {
    const dataDir = freshDataDir();
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(configError({ DATA_DIR: dataDir, SEED_DEMO: 'oui' })).toMatch(/SEED_DEMO/);
  });

  it('splits ALLOWED_ORIGINS and drops the trailing slash of PUBLIC_URL', () => {
    const config = loadConfig({ DATA_DIR: freshDataDir(), PUBLIC_URL: 'https://palabre.region.fr/', ALLOWED_ORIGINS: 'https://palabre.region.fr, https://ecran.region.fr' });
    expect(config.publicUrl).toBe('https://palabre.region.fr');
    expect(config.allowedOrigins).toEqual(['https://palabre.region.fr', 'https://ecran.region.fr']);
  });
});

describe('trusted proxies and directory sign-in', () => {
  it('trusts no proxy and offers no directory by default', () => {
    const config = loadConfig({ DATA_DIR: freshDataDir() });
    expect([config.trustProxy, config.oidc, config.maxSocketsPerParticipant]).toEqual([[], undefined, 5]);
  });

  it('reads TRUST_PROXY as a list and stops on an address that is not one', () => {
    expect(loadConfig({ DATA_DIR: freshDataDir(), TRUST_PROXY: '172.28.0.10, loopback' }).trustProxy).toEqual(['172.28.0.10', 'loopback']);
    expect(configError({ DATA_DIR: freshDataDir(), TRUST_PROXY: 'le-proxy' })).toMatch(/TRUST_PROXY/);
  });

  it('maps directory values to roles, and stops on a role Palabre does not have', () => {
    const config = loadConfig({ DATA_DIR: freshDataDir(), OIDC_ISSUER: 'https://sso.region.fr/realms/agents', OIDC_CLIENT_ID: 'palabre', OIDC_ROLE_CLAIM: 'realm_access.roles', OIDC_ROLE_MAP: 'dsi=admin, animation=facilitator' });
    expect(config.oidc).toMatchObject({ issuer: 'https://sso.region.fr/realms/agents', clientId: 'palabre', roleClaim: 'realm_access.roles', roleMap: { dsi: 'admin', animation: 'facilitator' } });
    expect(configError({ DATA_DIR: freshDataDir(), OIDC_ISSUER: 'https://sso.region.fr', OIDC_CLIENT_ID: 'p', OIDC_ROLE_MAP: 'dsi=president' })).toMatch(/OIDC_ROLE_MAP/);
    expect(configError({ DATA_DIR: freshDataDir(), OIDC_ISSUER: 'https://sso.region.fr' })).toMatch(/OIDC_CLIENT_ID/);
  });
});
