import { TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';

describe('staff accounts (real database)', () => {
  let t: TestApp;
  // The test client plays several addresses through a trusted local proxy's X-Forwarded-For.
  appForTests((app) => (t = app), { trustProxy: ['loopback'] });

  const login = (email: string, password: string, from = '198.51.100.1') => t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('signs a facilitator in with email and password and tells who they are', async () => {
    const staff = await t.staff('facilitator', 'camille@region.test');
    const signedIn = await login('Camille@Region.test', staff.password).expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${signedIn.body.token}`).expect(200);
    expect(me.body).toMatchObject({ email: 'camille@region.test', role: 'facilitator' });
  });

  it('signs out: the token stops working at once, other sign-ins of the account go on', async () => {
    const staff = await t.staff('facilitator');
    const laptop = (await login(staff.email, staff.password).expect(200)).body.token as string;
    const phone = (await login(staff.email, staff.password).expect(200)).body.token as string;
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${laptop}`).expect(204);
    const after = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${laptop}`).expect(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    await t.http().get('/api/sessions').set('Authorization', `Bearer ${laptop}`).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${phone}`).expect(200);
  });

  it('makes a guesser wait after a few wrong passwords, while the real user signs in from another address', async () => {
    const staff = await t.staff('facilitator');
    const attacker = '203.0.113.66';
    for (let i = 0; i < 4; i++) {
      const res = await login(staff.email, 'mauvais-mot-de-passe', attacker).expect(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    // The attacker now waits, even with the right password…
    const throttled = await login(staff.email, staff.password, attacker).expect(429);
    expect(throttled.body.error.code).toBe('LOGIN_THROTTLED');
    // …but the real user, from the venue, is not locked out.
    await login(staff.email, staff.password, '192.0.2.10').expect(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const untrusted = await TestApp.start();
    try {
      const staff = await untrusted.staff('facilitator');
      const spoofed = (i: number) => untrusted.http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i}`).send({ email: staff.email, password: 'mauvais-mot-de-passe' });
      // Each try claims another address; without trust they are all the peer's, so the wait comes.
      for (let i = 0; i < 4; i++) await spoofed(i).expect(401);
      await spoofed(99).expect(429);
    } finally {
      await untrusted.close();
    }
  });

  it('lets only an admin create accounts, with a strong password', async () => {
    const admin = await t.staff('admin');
    const facilitator = await t.staff('facilitator');
    const body = { email: 'nouvelle@region.test', password: 'un-mot-de-passe-long', displayName: 'Nouvelle', role: 'facilitator' };
    await t.http().post('/api/staff').set('Authorization', `Bearer ${facilitator.token}`).send(body).expect(403);
    const short = await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send({ ...body, password: 'court' }).expect(400);
    expect(short.body.error.issues[0].path).toBe('password');
    for (const password of ['            ', 'aaaaaaaaaaaa', 'password1234', 'nouvelle@region.test']) {
      const weak = await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send({ ...body, password }).expect(400);
      expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    }
    await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send(body).expect(201);
    await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send(body).expect(409);
  });

  it('tells browsers and proxies to keep no auth answer, refusals included', async () => {
    const staff = await t.staff('facilitator');
    const ok = await login(staff.email, staff.password).expect(200);
    const answers = [
      ok,
      await login(staff.email, 'mauvais-mot-de-passe', '198.51.100.200').expect(401),
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${ok.body.token}`).expect(200),
      await t.http().get('/api/auth/options').expect(200),
      await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${ok.body.token}`).expect(204),
    ];
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('limits the page to its own origin and the public address live socket (CSP connect-src)', async () => {
    const res = await t.http().get('/api/health').expect(200);
    const connect = /connect-src ([^;]+)/.exec(res.headers['content-security-policy'] as string)?.[1];
    expect(connect).toBe("'self' ws://palabre.test");
  });

  it('reports its health with the database state', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', redis: 'unused' });
  });
});
