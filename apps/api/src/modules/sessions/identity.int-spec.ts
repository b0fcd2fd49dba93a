import { randomUUID } from 'node:crypto';
import type { Duplicates, GroupsSnapshot, JoinResponse, ScreenPairing, SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { invitationTokens } from '../../common/testing/roster';
import { liveBoard } from '../../common/testing/boards';
import { snapshotOf } from '../../common/testing/snapshot';

const ROSTER = ['nom;email;perimetre;type de territoire;categorie;genre', 'Alice Martin;alice@exemple.test;Millau;bourg centre;élue;F', 'Bruno Vidal;bruno@exemple.test;Rodez;bourg centre;élue;H'].join('\n');

describe('one person, one voice: resuming, duplicates, eligibility, screens (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const join = (body: Record<string, unknown>) => t.http().post('/api/sessions/join').send(body);
  const duplicates = async (sessionId: string, staffToken: string) =>
    ((await t.http().get(`/api/sessions/${sessionId}/duplicates`).set(auth(staffToken)).expect(200)).body as Duplicates).groups;

  it('never issues a screen token to whoever has the join code', async () => {
    const { session, staff } = await t.liveSession();
    const res = await join({ code: session.joinCode, screen: true }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const observers: unknown[] = await t.db.query(`SELECT id FROM participant WHERE session_id = $1 AND role = 'observer'`, [session.id]);
    expect(observers).toEqual([]);
    // A member cannot issue one either: screens are for staff.
    const member = await t.join(session.joinCode, 'Membre curieux');
    const asMember = await t.http().post(`/api/sessions/${session.id}/screens`).set(auth(member.token));
    expect(asMember.status).toBe(401);
    const staffScreen = await t.http().post(`/api/sessions/${session.id}/screens`).set(auth(staff.token)).expect(200);
    expect((staffScreen.body as JoinResponse).participant.role).toBe('observer');
  });

  it('pairs a projector page once a facilitator approves the code it shows, and gives its token once', async () => {
    const { session, staff } = await t.liveSession();
    const pairing = (await t.http().post('/api/screens/pairings').expect(200)).body as ScreenPairing;
    expect(pairing.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect((await t.http().get(`/api/screens/pairings/${pairing.pairingId}`).expect(200)).body).toEqual({ state: 'waiting' });

    const wrong = await t.http().post(`/api/sessions/${session.id}/screens/pairings`).set(auth(staff.token)).send({ code: 'ZZZ-ZZZ' }).expect(404);
    expect(wrong.body.error.code).toBe('PAIRING_INVALID');
    // Typed as read, without the dash and in lower case.
    await t.http().post(`/api/sessions/${session.id}/screens/pairings`).set(auth(staff.token)).send({ code: pairing.code.replace('-', '').toLowerCase() }).expect(200);

    const paired = (await t.http().get(`/api/screens/pairings/${pairing.pairingId}`).expect(200)).body as { state: string; auth: JoinResponse };
    expect(paired.state).toBe('paired');
    expect(paired.auth.participant.role).toBe('observer');
    expect(paired.auth.session.id).toBe(session.id);
    await t.connect(paired.auth.token);
    const again = await t.http().get(`/api/screens/pairings/${pairing.pairingId}`).expect(404);
    expect(again.body.error.code).toBe('PAIRING_INVALID');
  });

  it("never sends a screen a group's private events before the report-back", async () => {
    const live = await t.liveSession();
    const staff = await t.connect(live.facilitator.token);
    await sendOk(staff, 'activity.create', { kind: 'groups', title: 'Groupes de travail', config: { placement: 'assign' } });
    const snap = (await snapshotOf(t, live.facilitator.token, live.session.id)) as SessionSnapshot & { features: { groups: GroupsSnapshot } };
    const group = snap.features.groups.activities[0].groups[0];
    const alice = await t.join(live.session.joinCode, 'Alice Fabre');
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: group.id });
    const aliceSocket = await t.connect(alice.token);
    const screen = await t.connect((await t.screen(live.session.id, live.staff.token)).token);
    const seen: string[] = [];
    screen.onAny((event: string) => seen.push(event));

    const toStaff = nextEvent(staff, 'synthesis.commented');
    await sendOk(aliceSocket, 'synthesis.comment', { groupId: group.id, body: 'Brouillon : rien à montrer encore' });
    await toStaff;
    // A session-wide fact sent after the group's: the screen receives it, in order, after anything sent before it.
    const qna = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions de la salle' });
    const opened = nextEvent(screen, 'activity.updated', (e) => e.activity.id === qna.id);
    await sendOk(staff, 'activity.open', { activityId: qna.id });
    await opened;
    expect(seen).toContain('activity.updated');
    expect(seen.filter((e) => e.startsWith('synthesis.') || e.startsWith('group.'))).toEqual([]);
  });

  it('resumes a browser that joins again under the same name, flags another name from it, and blocks it once removed', async () => {
    const { session, staff, facilitator } = await t.liveSession();
    const device = randomUUID();
    const first = (await join({ code: session.joinCode, displayName: 'Chloé Bonnet', device }).expect(200)).body as JoinResponse;
    const again = (await join({ code: session.joinCode, displayName: '  chloé   BONNET ', device }).expect(200)).body as JoinResponse;
    expect(again.participant.id).toBe(first.participant.id);

    const other = (await join({ code: session.joinCode, displayName: 'Autre Nom', device }).expect(200)).body as JoinResponse;
    expect(other.participant.id).not.toBe(first.participant.id);
    const groups = await duplicates(session.id, staff.token);
    expect(groups).toContainEqual(expect.objectContaining({ reason: 'device', participants: expect.arrayContaining([expect.objectContaining({ id: first.participant.id }), expect.objectContaining({ id: other.participant.id })]) }));

    const console_ = await t.connect(facilitator.token);
    await sendOk(console_, 'participant.revoke', { participantId: other.participant.id });
    const blocked = await join({ code: session.joinCode, displayName: 'Troisième Nom', device }).expect(403);
    expect(blocked.body.error.code).toBe('DEVICE_BLOCKED');
    // Another browser is not affected.
    await join({ code: session.joinCode, displayName: 'Troisième Nom', device: randomUUID() }).expect(200);
  });

  it('flags two browsers under one name, and a merge keeps one of them', async () => {
    const { session, staff, facilitator } = await t.liveSession();
    const a = (await join({ code: session.joinCode, displayName: 'Denis Roux', device: randomUUID() }).expect(200)).body as JoinResponse;
    const console_ = await t.connect(facilitator.token);
    const live = nextEvent(console_, 'duplicates.updated', (p) => p.groups.some((g) => g.reason === 'name'));
    const b = (await join({ code: session.joinCode, displayName: 'denis roux', device: randomUUID() }).expect(200)).body as JoinResponse;
    const pushed = await live;
    expect(pushed.groups.find((g) => g.reason === 'name')?.participants.map((p) => p.id).sort()).toEqual([a.participant.id, b.participant.id].sort());

    await sendOk(console_, 'participant.merge', { participantId: b.participant.id, intoId: a.participant.id });
    expect(await duplicates(session.id, staff.token)).toEqual([]);
    await t.http().get(`/api/sessions/${session.id}/snapshot`).set(auth(b.token)).expect(401);
  });

  it('lets only verified members answer a question by default once the session has a roster', async () => {
    const { session, staff, facilitator } = await t.liveSession();
    expect((await t.join(session.joinCode, 'Avant la liste')).session.hasRoster).toBe(false);
    const [aliceInvitation] = await invitationTokens(t, session.id, staff.token, ROSTER);
    const console_ = await t.connect(facilitator.token);
    const activity = await sendOk(console_, 'activity.create', {
      kind: 'survey',
      title: 'Vote décisif',
      config: { questions: [{ type: 'yesno', prompt: 'Adopter le contrat ?' }, { type: 'yesno', prompt: 'Une pause ?', eligibility: 'present' }] },
    });
    const opened = await sendOk(console_, 'survey.open', { activityId: activity.id });
    const [decisive, open] = opened.questions.map((q) => q.id);

    const guestJoin = await t.join(session.joinCode, 'Invité sans lien');
    expect(guestJoin.session.hasRoster).toBe(true);
    const guest = await t.connect(guestJoin.token);
    const refused = await send(guest, 'ballot.cast', { questionId: decisive, value: { type: 'yesno', choice: 'yes' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    await sendOk(guest, 'ballot.cast', { questionId: open, value: { type: 'yesno', choice: 'yes' } });

    const alice = (await join({ invitation: aliceInvitation }).expect(200)).body as JoinResponse;
    expect(alice.participant.verified).toBe(true);
    await sendOk(await t.connect(alice.token), 'ballot.cast', { questionId: decisive, value: { type: 'yesno', choice: 'yes' } });
  });

  it("lets only verified members support a board's ideas by default once the session has a roster, unless the board is open to everyone present", async () => {
    const board = await liveBoard(t, { members: ['Invitée du code'] });
    const [aliceInvitation] = await invitationTokens(t, board.session.id, board.account.token, ROSTER);
    const alice = await t.connect(((await join({ invitation: aliceInvitation }).expect(200)).body as JoinResponse).token);
    const idea = await sendOk(alice, 'idea.post', { activityId: board.activityId, columnId: 'gouvernance', title: 'Un comité de suivi par contrat' });
    const guest = board.members[0].socket;

    const refused = await send(guest, 'idea.support', { activityId: board.activityId, ideaId: idea.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    await sendOk(alice, 'idea.support', { activityId: board.activityId, ideaId: idea.id });

    await sendOk(board.staff, 'board.settings', { activityId: board.activityId, supportEligibility: 'present' });
    await sendOk(guest, 'idea.support', { activityId: board.activityId, ideaId: idea.id });
  });

  it('counts a code joiner as the roster member they picked once a facilitator confirms it, and the personal link then resumes them', async () => {
    const { session, staff, facilitator } = await t.liveSession();
    const tokens = await invitationTokens(t, session.id, staff.token, ROSTER);
    const names = (await t.http().get(`/api/join/${session.joinCode.toLowerCase()}/roster`).expect(200)).body as { memberId: string; name: string }[];
    const bruno = names.find((n) => n.name === 'Bruno Vidal');
    if (!bruno) throw new Error('Bruno is on the roster');
    const joined = (await join({ code: session.joinCode, displayName: 'Bruno Vidal', memberId: bruno.memberId, device: randomUUID() }).expect(200)).body as JoinResponse;
    expect(joined.participant).toMatchObject({ verified: false, claimedMemberId: bruno.memberId });

    const console_ = await t.connect(facilitator.token);
    const phone = await t.connect(joined.token);
    const told = nextEvent(phone, 'participant.updated');
    await sendOk(console_, 'participant.confirm', { participantId: joined.participant.id });
    expect(await told).toMatchObject({ participantId: joined.participant.id, verified: true });
    expect((await snapshotOf(t, joined.token, session.id)).me).toMatchObject({ memberId: bruno.memberId, verified: true });

    // Bruno's personal link now opens the same participant.
    const links = await Promise.all(tokens.map(async (invitation) => (await join({ invitation })).body as JoinResponse & { error?: unknown }));
    expect(links.filter((l) => l.participant?.id === joined.participant.id)).toHaveLength(1);
  });
});

describe('join throttle (default limits)', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { joinBurstPerAddress: 30, joinRatePerAddress: 4, joinBurstPerSession: 100, joinRatePerSession: 10 });

  it('throttles 60 joins in one second from one address and flags the burst in the console', async () => {
    const { session, staff } = await t.liveSession();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => t.http().post('/api/sessions/join').send({ code: session.joinCode, displayName: `Bourreur ${i}` })),
    );
    const seconds = (Date.now() - started) / 1000;
    const throttled = answers.filter((a) => a.status === 429);
    const admitted = answers.filter((a) => a.status === 200);
    expect(throttled.length + admitted.length).toBe(60);
    expect(throttled.every((a) => a.body.error.code === 'JOIN_THROTTLED')).toBe(true);
    // The burst of 30, then 4 a second for as long as the 60 requests took (a loaded machine takes longer).
    expect(admitted.length).toBeGreaterThanOrEqual(30);
    expect(admitted.length).toBeLessThanOrEqual(30 + Math.ceil(seconds * 4));
    expect(throttled.length).toBeGreaterThan(0);

    const groups = ((await t.http().get(`/api/sessions/${session.id}/duplicates`).set('Authorization', `Bearer ${staff.token}`).expect(200)).body as Duplicates).groups;
    const burst = groups.find((g) => g.reason === 'burst');
    expect(burst?.participants.map((p) => p.id).sort()).toEqual(admitted.map((a) => (a.body as JoinResponse).participant.id).sort());
  });
});
