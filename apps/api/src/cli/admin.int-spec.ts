import type { TestApp } from '../common/testing/harness';
import { appForTests } from '../common/testing/lifecycle';
import { AdminInputError, createStaffAccount } from './admin';

describe('admin:create (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('creates an admin who can sign in and create staff accounts', async () => {
    const { account, created } = await createStaffAccount(t.db, { email: 'DSI@Region.test', name: 'Service informatique', password: 'un-secret-bien-long' });
    expect(created).toBe(true);
    expect(account).toMatchObject({ email: 'dsi@region.test', role: 'admin', displayName: 'Service informatique' });
    const login = await t.http().post('/api/auth/login').send({ email: 'dsi@region.test', password: 'un-secret-bien-long' }).expect(200);
    await t.http()
      .post('/api/staff')
      .set('Authorization', `Bearer ${login.body.token}`)
      .send({ email: 'animatrice@region.test', password: 'encore-un-secret-long', displayName: 'Animatrice', role: 'facilitator' })
      .expect(201);
  });

  it('stores the password as an argon2id hash, never as written', async () => {
    await createStaffAccount(t.db, { email: 'hash@region.test', name: 'Hash', password: 'mot-de-passe-du-test' });
    const rows: { password_hash: string }[] = await t.db.query('SELECT password_hash FROM staff_account WHERE email = $1', ['hash@region.test']);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a short or common password and a bad email, naming the option', async () => {
    await expect(createStaffAccount(t.db, { email: 'court@region.test', name: 'Court', password: 'court' })).rejects.toThrow(/password/);
    for (const password of ['            ', 'aaaaaaaaaaaa', 'password1234']) {
      await expect(createStaffAccount(t.db, { email: 'faible@region.test', name: 'Faible', password })).rejects.toThrow(/password/);
    }
    await expect(createStaffAccount(t.db, { email: 'pas-un-email', name: 'X', password: 'un-secret-bien-long' })).rejects.toThrow(/--email/);
  });

  it('refuses an existing email unless asked to reset its password', async () => {
    await createStaffAccount(t.db, { email: 'reset@region.test', name: 'Avant', password: 'ancien-secret-long' });
    await expect(createStaffAccount(t.db, { email: 'reset@region.test', name: 'Après', password: 'nouveau-secret-long' })).rejects.toBeInstanceOf(AdminInputError);
    const { created } = await createStaffAccount(t.db, { email: 'reset@region.test', name: 'Après', password: 'nouveau-secret-long', reset: true });
    expect(created).toBe(false);
    await t.http().post('/api/auth/login').send({ email: 'reset@region.test', password: 'ancien-secret-long' }).expect(401);
    await t.http().post('/api/auth/login').send({ email: 'reset@region.test', password: 'nouveau-secret-long' }).expect(200);
  });

  it('keeps the role on a reset without --role, and revokes every token issued before it', async () => {
    await createStaffAccount(t.db, { email: 'animation@region.test', name: 'Animation', password: 'ancien-secret-long', role: 'facilitator' });
    const before = await t.http().post('/api/auth/login').send({ email: 'animation@region.test', password: 'ancien-secret-long' }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${before.body.token}`).expect(200);

    const { account } = await createStaffAccount(t.db, { email: 'animation@region.test', password: 'nouveau-secret-long', reset: true });
    expect(account).toMatchObject({ role: 'facilitator', displayName: 'Animation' });
    const stale = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${before.body.token}`).expect(401);
    expect(stale.body.error.code).toBe('UNAUTHENTICATED');

    const after = await t.http().post('/api/auth/login').send({ email: 'animation@region.test', password: 'nouveau-secret-long' }).expect(200);
    expect(after.body.account.role).toBe('facilitator');
    // A role change through --role also signs the account out everywhere.
    await createStaffAccount(t.db, { email: 'animation@region.test', password: 'nouveau-secret-long', role: 'organiser', reset: true });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${after.body.token}`).expect(401);
  });
});
