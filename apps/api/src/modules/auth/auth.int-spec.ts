import type { TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';

describe('staff accounts (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('signs a facilitator in with email and password and tells who they are', async () => {
    const staff = await t.staff('facilitator', 'camille@region.test');
    const login = await t.http().post('/api/auth/login').send({ email: 'Camille@Region.test', password: staff.password }).expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(me.body).toMatchObject({ email: 'camille@region.test', role: 'facilitator' });
  });

  it('refuses a wrong password, then throttles repeated failures', async () => {
    const staff = await t.staff('facilitator');
    for (let i = 0; i < 5; i++) {
      const res = await t.http().post('/api/auth/login').send({ email: staff.email, password: 'mauvais-mot-de-passe' }).expect(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const throttled = await t.http().post('/api/auth/login').send({ email: staff.email, password: staff.password }).expect(429);
    expect(throttled.body.error.code).toBe('LOGIN_THROTTLED');
  });

  it('lets only an admin create accounts, with a strong password', async () => {
    const admin = await t.staff('admin');
    const facilitator = await t.staff('facilitator');
    const body = { email: 'nouvelle@region.test', password: 'un-mot-de-passe-long', displayName: 'Nouvelle', role: 'facilitator' };
    await t.http().post('/api/staff').set('Authorization', `Bearer ${facilitator.token}`).send(body).expect(403);
    const weak = await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send({ ...body, password: 'court' }).expect(400);
    expect(weak.body.error.issues[0].path).toBe('password');
    await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send(body).expect(201);
    await t.http().post('/api/staff').set('Authorization', `Bearer ${admin.token}`).send(body).expect(409);
  });

  it('reports its health with the database state', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', redis: 'unused' });
  });
});
