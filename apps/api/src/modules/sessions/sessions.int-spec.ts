import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { JoinResponse } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { snapshotOf } from '../../common/testing/snapshot';

describe('sessions, joining and the live socket (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('runs migrations that match the entities exactly', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('lets a member join an open session by code, case-insensitively, and see it in the snapshot', async () => {
    const { session } = await t.liveSession({ joinCode: 'PLENIERE1' });
    const joined = await t.join('pleniere1', 'Élodie Martin');
    expect(joined.participant).toMatchObject({ displayName: 'Élodie Martin', role: 'member' });
    expect(joined.session.id).toBe(session.id);
    expect((await snapshotOf(t, joined.token, session.id)).me.displayName).toBe('Élodie Martin');
  });

  it('answers an unknown code with a coded French error', async () => {
    const res = await t.http().post('/api/sessions/join').send({ code: 'NOPE42', displayName: 'X' }).expect(404);
    expect(res.body.error).toEqual({ code: 'SESSION_NOT_FOUND', message: 'Aucune séance ne correspond à ce code.' });
  });

  it('refuses code joining in a roster session but admits a member with a personal invitation', async () => {
    const { session, staff } = await t.liveSession({ accessMode: 'roster' });
    await t.http().post('/api/sessions/join').send({ code: session.joinCode, displayName: 'Intrus' }).expect(403);
    const csv = 'nom;email;perimetre;type de territoire;categorie;genre\nNathalie Roux;nathalie@exemple.test;Millau;bourg centre;élue;F\n';
    await t.http().post(`/api/sessions/${session.id}/roster`).set('Authorization', `Bearer ${staff.token}`).set('Content-Type', 'text/csv').send(csv).expect(200);
    const invitations = await t.http().get(`/api/sessions/${session.id}/invitations`).set('Authorization', `Bearer ${staff.token}`).expect(200);
    expect(invitations.body).toHaveLength(1);
    const token = String(invitations.body[0].link).split('/i/')[1];
    const joined = await t.http().post('/api/sessions/join').send({ invitation: token }).expect(200);
    expect((joined.body as JoinResponse).participant).toMatchObject({ displayName: 'Nathalie Roux', role: 'member' });
    expect((joined.body as JoinResponse).participant.memberId).toEqual(invitations.body[0].memberId);
    await t.http().post('/api/sessions/join').send({ invitation: token.slice(0, -2) + 'xx' }).expect(401);
  });

  it('imports the good roster lines and reports each bad one', async () => {
    const { session, staff } = await t.liveSession();
    const csv = [
      'name;email;perimeter;territoryType;category;gender',
      'A Un;a@exemple.test;Toulouse Métropole;metropole;elu;homme',
      'B Deux;pas-un-email;Albi;agglomeration;citoyen;femme',
      'C Trois;;Millau;inconnu;elu;femme',
      'D Quatre;;Figeac;bourg_centre;citoyen;autre',
    ].join('\n');
    const res = await t.http().post(`/api/sessions/${session.id}/roster`).set('Authorization', `Bearer ${staff.token}`).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    const again = await t.http().post(`/api/sessions/${session.id}/roster`).set('Authorization', `Bearer ${staff.token}`).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(again.body).toMatchObject({ imported: 0, updated: 2 });
  });

  it('refuses the handshake without a token, with a forged one and with an expired one', async () => {
    await expect(t.connect('')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(t.connect('abc.def.ghi')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const { session } = await t.liveSession();
    const member = await t.join(session.joinCode, 'Expirée');
    const secret = t.palabre.config.tokenSecret;
    const expired = jwt.sign({ typ: 'participant', sub: member.participant.id, sid: session.id, role: 'member' }, secret, { algorithm: 'HS256', issuer: 'palabre', expiresIn: -1 });
    await expect(t.connect(expired)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
  });

  it('refuses a staff token and a token of another session on session routes', async () => {
    const a = await t.liveSession();
    const b = await t.liveSession();
    const member = await t.join(a.session.joinCode, 'Curieux');
    await t.http().get(`/api/sessions/${b.session.id}/snapshot`).set('Authorization', `Bearer ${member.token}`).expect(403);
    await t.http().get(`/api/sessions/${a.session.id}/snapshot`).set('Authorization', `Bearer ${a.staff.token}`).expect(401);
    await t.http().get('/api/sessions').set('Authorization', `Bearer ${member.token}`).expect(401);
  });

  it('shows presence live: staff see who is online, members the count', async () => {
    const { session, facilitator } = await t.liveSession();
    const staffSocket = await t.connect(facilitator.token);
    const m1 = await t.join(session.joinCode, 'Julien Fabre');
    const m2 = await t.join(session.joinCode, 'Inès Vidal');
    const seenByStaff = nextEvent(staffSocket, 'presence.updated', (p) => p.presence.online?.length === 3);
    const s1 = await t.connect(m1.token);
    const seenByMember = nextEvent(s1, 'presence.updated', (p) => p.presence.connected === 3);
    const s2 = await t.connect(m2.token);
    const staffView = await seenByStaff;
    expect(staffView.presence.online?.map((o) => o.displayName).sort()).toEqual(['Inès Vidal', 'Julien Fabre', 'Staff facilitator']);
    const memberView = await seenByMember;
    expect(memberView.presence.online).toBeUndefined();
    const afterLeave = nextEvent(staffSocket, 'presence.updated', (p) => !p.presence.online?.some((o) => o.displayName === 'Inès Vidal'));
    s2.disconnect();
    expect((await afterLeave).presence).toMatchObject({ connected: 2 });
  });

  it('applies a command retried with the same opId once and answers the same result', async () => {
    const { session, facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const opId = randomUUID();
    const [first, second] = await Promise.all([
      send(socket, 'activity.create', { opId, kind: 'qna', title: 'Échange avec la présidente' }),
      send(socket, 'activity.create', { opId, kind: 'qna', title: 'Échange avec la présidente' }),
    ]);
    const third = await send(socket, 'activity.create', { opId, kind: 'qna', title: 'Échange avec la présidente' });
    expect(first).toEqual(second);
    expect(third).toEqual(first);
    expect((await snapshotOf(t, facilitator.token, session.id)).activities.filter((a) => a.title === 'Échange avec la présidente')).toHaveLength(1);
  });

  it('refuses agenda commands from a member and from a projector screen', async () => {
    const { session } = await t.liveSession();
    const member = await t.connect((await t.join(session.joinCode, 'Membre')).token);
    const screen = await t.connect((await t.screen(session.id)).token);
    for (const socket of [member, screen]) {
      const ack = await send(socket, 'activity.create', { kind: 'qna', title: 'Pirate' });
      expect(ack).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: "Vous n'avez pas le droit de faire cette action." } });
    }
  });

  it('answers a malformed command with VALIDATION_FAILED and an unknown one with NOT_FOUND', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const bad = await send(socket, 'activity.create', { kind: 'poll' as never, title: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION_FAILED');
    const unknown = await (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck('vote.everything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('resyncs after a forced disconnect: the snapshot holds what happened meanwhile, at a higher version', async () => {
    const { session, facilitator } = await t.liveSession();
    const staffSocket = await t.connect(facilitator.token);
    const member = await t.join(session.joinCode, 'Dormeur');
    const phone = await t.connect(member.token, { reconnection: true });
    const before = await snapshotOf(t, member.token, session.id);
    // A draft is the staff's: the member hears of the activity when it opens.
    const first = await sendOk(staffSocket, 'activity.create', { kind: 'qna', title: 'Avant la coupure' });
    const opened = nextEvent(phone, 'activity.updated', (e) => e.activity.id === first.id);
    await sendOk(staffSocket, 'activity.open', { activityId: first.id });
    expect((await opened).version).toBeGreaterThan(before.version);
    // The phone sleeps: the server drops it, the agenda moves on, then it comes back.
    // Listen before cutting: on a slow database the phone may be back before the agenda has moved on.
    const reconnected = new Promise<void>((resolve) => phone.once('connect', () => resolve()));
    phone.io.engine.close();
    const second = await sendOk(staffSocket, 'activity.create', { kind: 'qna', title: 'Pendant la coupure' });
    await sendOk(staffSocket, 'activity.open', { activityId: second.id });
    await reconnected;
    const after = await snapshotOf(t, member.token, session.id);
    expect(after.version).toBeGreaterThan(before.version + 1);
    expect(after.activities.map((a) => a.title)).toEqual(['Avant la coupure', 'Pendant la coupure']);
  });

  it('moves a session through its states and refuses skipping one', async () => {
    const staff = await t.staff('organiser');
    const created = await t.http().post('/api/sessions').set('Authorization', `Bearer ${staff.token}`).send({ title: 'Atelier', date: '2026-12-04' }).expect(201);
    const id = created.body.id;
    const skip = await t.http().post(`/api/sessions/${id}/transition`).set('Authorization', `Bearer ${staff.token}`).send({ to: 'closed' }).expect(409);
    expect(skip.body.error.code).toBe('INVALID_TRANSITION');
    await t.http().post(`/api/sessions/${id}/transition`).set('Authorization', `Bearer ${staff.token}`).send({ to: 'live' }).expect(200);
    const list = await t.http().get('/api/sessions').set('Authorization', `Bearer ${staff.token}`).expect(200);
    expect(list.body.find((s: { id: string }) => s.id === id)).toMatchObject({ state: 'live', title: 'Atelier' });
  });
});

describe('removing a participant', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('disconnects their socket at once and refuses their token afterwards', async () => {
    const { session, facilitator } = await t.liveSession();
    const staffSocket = await t.connect(facilitator.token);
    const member = await t.join(session.joinCode, 'Perturbateur');
    const phone = await t.connect(member.token);
    const told = nextEvent(phone, 'participant.revoked');
    const dropped = new Promise<string>((resolve) => phone.once('disconnect', (reason) => resolve(reason)));
    await sendOk(staffSocket, 'participant.revoke', { participantId: member.participant.id });
    expect((await told).participantId).toBe(member.participant.id);
    expect(await dropped).toBe('io server disconnect');
    await expect(t.connect(member.token)).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
    const res = await t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${member.token}`).expect(401);
    expect(res.body.error.code).toBe('TOKEN_REVOKED');
  });

  it('does not let a member remove anyone', async () => {
    const { session, facilitator } = await t.liveSession();
    const a = await t.join(session.joinCode, 'A');
    const phone = await t.connect(a.token);
    const ack = await send(phone, 'participant.revoke', { participantId: facilitator.participant.id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
