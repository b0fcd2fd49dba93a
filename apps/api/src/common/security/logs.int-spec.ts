import jwt from 'jsonwebtoken';
import type { JoinResponse } from '@palabre/contracts';
import { captureOutput, type OutputCapture } from '../testing/log-capture';
import { nextEvent, sendOk, TestApp } from '../testing/harness';
import { invitationTokens } from '../testing/roster';

/**
 * "No secret or token in logs": a whole realistic run — staff sign-in, failed and throttled
 * sign-ins, account creation, roster invitations, joins, socket handshakes good and bad,
 * a revocation, malformed and oversized requests — at the most verbose log level, while
 * everything the process prints is recorded. None of the secrets handled may appear in it.
 */
describe('what the process logs', () => {
  let t: TestApp;
  let output: OutputCapture;
  const secrets = new Map<string, string>();
  const keep = (what: string, value: string) => secrets.set(what, value);

  const nodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    output = captureOutput({ echo: false });
    // As deployed: express and the libraries log differently under NODE_ENV=test.
    process.env.NODE_ENV = 'production';
    t = await TestApp.start({ logLevel: 'debug' });
    keep('token secret', t.palabre.config.tokenSecret);
  });
  afterAll(async () => {
    await t?.close();
    process.env.NODE_ENV = nodeEnv;
    output.restore();
  });

  it('prints no password, bearer token, token secret or invitation token through a whole session', async () => {
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

    // Staff: a good sign-in, wrong passwords until throttled, an account created by an admin.
    const staff = await t.staff('facilitator');
    keep('staff password', staff.password);
    const login = await t.http().post('/api/auth/login').send({ email: staff.email, password: staff.password }).expect(200);
    const bearer = login.body.token as string;
    keep('staff bearer token', bearer);
    const wrong = 'mot-de-passe-devine-7731';
    keep('wrong password', wrong);
    for (let i = 0; i < 6; i++) await t.http().post('/api/auth/login').send({ email: staff.email, password: wrong });
    await t.http().post('/api/auth/login').send({ email: staff.email, password: staff.password }).expect(429);
    const admin = await t.staff('admin');
    keep('admin bearer token', admin.token);
    const created = 'compte-neuf-secret-5512';
    keep('new account password', created);
    await t.http().post('/api/staff').set(auth(admin.token)).send({ email: 'neuf@region.test', password: created, displayName: 'Neuf', role: 'facilitator' }).expect(201);
    // A double submission of the same new account: one is created, the other told the e-mail is taken.
    const twice = 'double-envoi-secret-3308';
    keep('double-submitted password', twice);
    const doubled = await Promise.all([1, 2].map(() => t.http().post('/api/staff').set(auth(admin.token)).send({ email: 'double@region.test', password: twice, displayName: 'Double', role: 'facilitator' })));
    expect(doubled.map((r) => r.status).sort()).toEqual([201, 409]);
    const weak = 'court42';
    keep('refused weak password', weak);
    await t.http().post('/api/staff').set(auth(admin.token)).send({ email: 'faible@region.test', password: weak, displayName: 'Faible', role: 'facilitator' }).expect(400);
    // Malformed and oversized bodies still carrying a password.
    const broken = 'mot-de-passe-json-casse-4410';
    keep('password in malformed JSON', broken);
    await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":"${staff.email}","password":"${broken}`).expect(400);
    const oversized = 'mot-de-passe-trop-long-8820';
    keep('password in oversized body', oversized);
    const tooLarge = await t.http().post('/api/auth/login').send({ email: staff.email, password: oversized, padding: 'x'.repeat(70_000) });
    expect(tooLarge.status).toBe(413);

    // A roster session: the staff token enters it, a member joins with their personal invitation.
    const roster = (await t.http().post('/api/sessions').set(auth(bearer)).send({ title: 'Séance sur invitation', date: '2026-12-03', accessMode: 'roster' }).expect(201)).body as JoinResponse['session'];
    await t.http().post(`/api/sessions/${roster.id}/transition`).set(auth(bearer)).send({ to: 'live' }).expect(200);
    const facilitator = (await t.http().post(`/api/sessions/${roster.id}/enter`).set(auth(bearer)).expect(200)).body as JoinResponse;
    keep('facilitator session token', facilitator.token);
    const csv = 'nom;email;perimetre;type de territoire;categorie;genre\nNathalie Roux;nathalie@exemple.test;Millau;bourg centre;élue;F\nPaul Sabatier;paul@exemple.test;Albi;agglomeration;citoyen;homme\n';
    const [invitation, otherInvitation] = await invitationTokens(t, roster.id, bearer, csv);
    keep('invitation token', invitation);
    keep('unused invitation token', otherInvitation);
    const member = (await t.http().post('/api/sessions/join').send({ invitation }).expect(200)).body as JoinResponse;
    keep('member join token', member.token);
    const forgedInvitation = `${invitation.slice(0, -4)}AAAA`;
    keep('forged invitation token', forgedInvitation);
    await t.http().post('/api/sessions/join').send({ invitation: forgedInvitation }).expect(401);

    // An open session: a member joins by code, a projector screen too.
    const open = await t.liveSession();
    keep('second facilitator session token', open.facilitator.token);
    keep('second staff token', open.staff.token);
    const guest = await t.join(open.session.joinCode, 'Invitée');
    keep('open join token', guest.token);
    const screen = await t.screen(open.session.id, open.staff.token);
    keep('screen token', screen.token);

    // Sockets: good handshakes, commands, then forged, expired and garbage tokens.
    const staffSocket = await t.connect(facilitator.token);
    const phone = await t.connect(member.token);
    const guestPhone = await t.connect(guest.token);
    await t.connect(screen.token);
    const qna = await sendOk(staffSocket, 'activity.create', { kind: 'qna', title: 'Questions' });
    await sendOk(staffSocket, 'activity.open', { activityId: qna.id });
    const question = await sendOk(phone, 'qna.ask', { activityId: qna.id, text: 'Quel calendrier ?' });
    await sendOk(phone, 'qna.upvote', { questionId: question.id });
    await t.http().get(`/api/sessions/${roster.id}/snapshot`).set(auth(member.token)).expect(200);
    await t.http().get(`/api/sessions/${open.session.id}/snapshot`).set(auth(guest.token)).expect(200);
    expect(guestPhone.connected).toBe(true);
    const forged = `${member.token.slice(0, -6)}AAAAAA`;
    keep('forged socket token', forged);
    await expect(t.connect(forged)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const expired = jwt.sign({ typ: 'participant', sub: member.participant.id, sid: roster.id, role: 'member' }, t.palabre.config.tokenSecret, { algorithm: 'HS256', issuer: 'palabre', expiresIn: -1 });
    keep('expired token', expired);
    await expect(t.connect(expired)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    await t.http().get(`/api/sessions/${roster.id}/snapshot`).set(auth(expired)).expect(401);

    // Revocation: the member's socket drops and their token stops working.
    const dropped = new Promise<void>((resolve) => phone.once('disconnect', () => resolve()));
    const told = nextEvent(phone, 'participant.revoked');
    await sendOk(staffSocket, 'participant.revoke', { participantId: member.participant.id });
    await told;
    await dropped;
    await expect(t.connect(member.token)).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
    await t.http().get(`/api/sessions/${roster.id}/snapshot`).set(auth(member.token)).expect(401);

    const hashes = (await t.db.query('SELECT email, password_hash FROM staff_account')) as { email: string; password_hash: string }[];
    for (const h of hashes) keep(`password hash of ${h.email}`, h.password_hash);
    const printed = output.text();
    // The capture works: Nest's own start-up lines are in it.
    expect(printed).toMatch(/Mapped \{\/api\/auth\/login, POST\} route/);
    const leaked = [...secrets].filter(([, value]) => printed.includes(value)).map(([what]) => what);
    // Also any token or hash not handled by the test itself (a losing concurrent insert's hash).
    if (/eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(printed)) leaked.push('something shaped like a JWT');
    if (printed.includes('$argon2')) leaked.push('an argon2 password hash');
    expect(leaked).toEqual([]);
  });
});
