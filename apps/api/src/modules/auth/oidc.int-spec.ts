import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { appForTests } from '../../common/testing/lifecycle';
import { TestApp } from '../../common/testing/harness';

const PUBLIC_URL = 'http://palabre.test';
const CLIENT = { clientId: 'palabre', clientSecret: 'secret-du-client-palabre' };
const ACCOUNTS = {
  'agent-42': { email: 'camille.martin@region.test', name: 'Camille Martin', groups: ['agents', 'palabre-animation'] },
  'dsi-1': { email: 'dsi@region.test', name: 'Service informatique', groups: ['palabre-animation', 'palabre-admins'] },
  'stagiaire-7': { email: 'stagiaire@region.test', name: 'Stagiaire', groups: ['agents'] },
};

/** The real provider in its own process (oidc-provider is ESM-only), on loopback. */
async function startProvider(): Promise<{ issuer: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, '../../common/testing/oidc-provider.mjs'), JSON.stringify({ ...CLIENT, redirectUri: `${PUBLIC_URL}/api/auth/oidc/callback`, accounts: ACCOUNTS })], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`provider exited with ${code}`)));
  });
  return { issuer: (JSON.parse(first) as { issuer: string }).issuer, process: child };
}

/**
 * What a browser does, enough for the code flow: follows redirects, keeps each host's cookies,
 * and reaches Palabre (PUBLIC_URL) at the test server's real address.
 */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();
  constructor(private readonly palabre: string) {}

  /** Follows redirects until a page that is not a redirect, or a URL on `stopAt`. */
  async go(url: string, init: RequestInit = {}, stopAt = `${PUBLIC_URL}/staff/`): Promise<{ url: string; status: number; body: string }> {
    let current = url;
    let request = init;
    for (let hops = 0; hops < 20; hops++) {
      if (current.startsWith(stopAt)) return { url: current, status: 0, body: '' };
      const target = new URL(current.startsWith(PUBLIC_URL) ? this.palabre + current.slice(PUBLIC_URL.length) : current);
      const jar = this.jar(new URL(current).host);
      const res = await fetch(target, { ...request, redirect: 'manual', headers: { ...(request.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, status: res.status, body: await res.text() };
      current = new URL(location, current).href;
      request = {};
    }
    throw new Error('too many redirects');
  }

  /** Submits the page's form (the provider's development login or consent form). */
  submit(page: { url: string; body: string }, fields: Record<string, string>) {
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no form on ${page.url}: ${page.body.slice(0, 200)}`);
    const hidden = Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return this.go(new URL(action, page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hidden, ...fields }).toString(),
    });
  }

  private jar(host: string): Map<string, string> {
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map()));
    return jar;
  }
}

/** The whole sign-in as a person does it: Palabre's button, the directory's login, consent, back. */
async function signInThroughDirectory(t: TestApp, login: string): Promise<URLSearchParams> {
  const browser = new Browser(t.url);
  const loginPage = await browser.go(`${PUBLIC_URL}/api/auth/oidc/start`);
  expect(loginPage.status).toBe(200);
  const consentPage = await browser.submit(loginPage, { prompt: 'login', login, password: 'peu-importe' });
  const landed = consentPage.url.startsWith(`${PUBLIC_URL}/staff/`) ? consentPage : await browser.submit(consentPage, { prompt: 'consent' });
  expect(landed.url.startsWith(`${PUBLIC_URL}/staff/login#`)).toBe(true);
  return new URLSearchParams(new URL(landed.url).hash.slice(1));
}

describe('staff sign-in through the organisation directory (OpenID Connect, real provider)', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startProvider();
    t = await TestApp.start({
      publicUrl: PUBLIC_URL,
      oidc: {
        issuer: provider.issuer,
        ...CLIENT,
        scopes: 'openid email profile',
        roleClaim: 'groups',
        roleMap: { 'palabre-admins': 'admin', 'palabre-animation': 'facilitator' },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    provider?.process.kill();
  });

  it('tells the login page that directory sign-in is offered', async () => {
    const res = await t.http().get('/api/auth/options').expect(200);
    expect(res.body).toEqual({ password: true, oidc: true });
  });

  it('signs a facilitator in with authorization code + PKCE, the role coming from the directory claim', async () => {
    const back = await signInThroughDirectory(t, 'agent-42');
    expect(back.get('error')).toBeNull();
    const token = back.get('token')!;
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ email: 'camille.martin@region.test', displayName: 'Camille Martin', role: 'facilitator' });
    // A real staff token: it opens staff routes and signing out ends it.
    await t.http().get('/api/sessions').set('Authorization', `Bearer ${token}`).expect(200);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    // The account has no password: the password form cannot open it.
    await t.http().post('/api/auth/login').send({ email: 'camille.martin@region.test', password: 'peu-importe-vraiment' }).expect(401);
  });

  it('gives the highest role among the directory groups, and the same account on the next sign-in', async () => {
    const first = await signInThroughDirectory(t, 'dsi-1');
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${first.get('token')}`).expect(200);
    expect(me.body.role).toBe('admin');
    const again = await signInThroughDirectory(t, 'dsi-1');
    const meAgain = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${again.get('token')}`).expect(200);
    expect(meAgain.body.id).toBe(me.body.id);
  });

  it('refuses a directory account whose groups give no Palabre role', async () => {
    const back = await signInThroughDirectory(t, 'stagiaire-7');
    expect([back.get('token'), back.get('error')]).toEqual([null, 'OIDC_NO_ROLE']);
    const rows: unknown[] = await t.db.query('SELECT 1 FROM staff_account WHERE email = $1', ['stagiaire@region.test']);
    expect(rows).toHaveLength(0);
  });

  it('refuses a callback that did not start in this browser (no pending sign-in, forged state)', async () => {
    const forged = await new Browser(t.url).go(`${PUBLIC_URL}/api/auth/oidc/callback?code=abc&state=xyz`);
    expect(new URL(forged.url).hash).toBe('#error=OIDC_FAILED');
  });
});

describe('without directory configured', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('offers passwords only and has no directory routes', async () => {
    expect((await t.http().get('/api/auth/options').expect(200)).body).toEqual({ password: true, oidc: false });
    await t.http().get('/api/auth/oidc/start').expect(404);
  });
});
