import type { SessionSummary } from '@palabre/contracts';
import { nextEvent, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { snapshotOf } from '../../common/testing/snapshot';
import { Assembly } from './assembly.entities';

describe("the organiser's projector theme, per assembly (real database, real socket.io)", () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  async function assemblySession() {
    const assembly = await t.db.getRepository(Assembly).save({ name: 'Assemblée de test' });
    const organiser = await t.staff('organiser');
    const created = await t.http().post('/api/sessions').set('Authorization', `Bearer ${organiser.token}`).send({ title: 'Séance thématisée', date: '2026-12-03', assemblyId: assembly.id }).expect(201);
    return { session: created.body as SessionSummary, organiser };
  }

  it("lets an organiser set the assembly's colours and logo, and the session's screens get them at once", async () => {
    const { session, organiser } = await assemblySession();
    await t.http().post(`/api/sessions/${session.id}/transition`).set('Authorization', `Bearer ${organiser.token}`).send({ to: 'live' }).expect(200);
    // A projector opened from the organiser's signed-in browser (screens are paired by staff).
    const screen = await t.screen(session.id, organiser.token);
    const socket = await t.connect(screen.token);
    const updated = nextEvent(socket, 'session.updated');
    const theme = { primary: '#9b1b30', logo: 'data:image/png;base64,iVBORw0KGgo=' };
    const res = await t.http().put(`/api/sessions/${session.id}/theme`).set('Authorization', `Bearer ${organiser.token}`).send({ theme }).expect(200);
    expect((res.body as SessionSummary).theme).toEqual(theme);
    expect(((await updated) as { session: SessionSummary }).session.theme).toEqual(theme);
    expect((await snapshotOf(t, screen.token, session.id)).session.theme).toEqual(theme);
    // A phone joining by code gets the assembly's name and colours with its token (read with the session).
    expect((await t.join(session.joinCode, 'Membre du conseil')).session).toMatchObject({ assemblyName: 'Assemblée de test', theme, hasRoster: false });

    const cleared = await t.http().put(`/api/sessions/${session.id}/theme`).set('Authorization', `Bearer ${organiser.token}`).send({ theme: null }).expect(200);
    expect((cleared.body as SessionSummary).theme).toBeUndefined();
  });

  it('refuses a facilitator, a colour that is not #rrggbb and a logo from another site', async () => {
    const { session, organiser } = await assemblySession();
    const facilitator = await t.staff('facilitator');
    const url = `/api/sessions/${session.id}/theme`;
    await t.http().put(url).set('Authorization', `Bearer ${facilitator.token}`).send({ theme: { primary: '#000000' } }).expect(403);
    await t.http().put(url).set('Authorization', `Bearer ${organiser.token}`).send({ theme: { primary: 'red' } }).expect(400);
    await t.http().put(url).set('Authorization', `Bearer ${organiser.token}`).send({ theme: { primary: '#000000', logo: 'https://evil.example/logo.png' } }).expect(400);
  });

  it('answers NOT_FOUND for a session that belongs to no assembly', async () => {
    const { session } = await t.liveSession();
    const organiser = await t.staff('organiser');
    const res = await t.http().put(`/api/sessions/${session.id}/theme`).set('Authorization', `Bearer ${organiser.token}`).send({ theme: { primary: '#000000' } }).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
