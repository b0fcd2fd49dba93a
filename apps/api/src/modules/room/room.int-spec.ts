import type { BoardsFeature, GroupsSnapshot, QnaSnapshot, RoomSnapshot, SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';

describe('running the room: agenda, timers, projector, presence (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  async function snapshot(token: string, sessionId: string): Promise<SessionSnapshot> {
    return (await t.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${token}`).expect(200)).body as SessionSnapshot;
  }
  const roomOf = (s: SessionSnapshot) => s.features.room as RoomSnapshot;

  async function secondFacilitator(sessionId: string): Promise<TestSocket> {
    const staff = await t.staff('facilitator');
    const entered = await t.http().post(`/api/sessions/${sessionId}/enter`).set('Authorization', `Bearer ${staff.token}`).expect(200);
    return t.connect(entered.body.token);
  }

  /** A live session with a three-item agenda, a facilitator, a member phone and a projector. */
  async function agenda() {
    const { session, facilitator, staff: account } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const items = [];
    for (const title of ['Accueil', 'Priorités', 'Échange avec la présidente']) items.push(await sendOk(staff, 'activity.create', { kind: 'qna', title }));
    const member = await t.join(session.joinCode, 'Claire Souchon');
    const phone = await t.connect(member.token);
    const screenJoin = await t.screen(session.id);
    const projector = await t.connect(screenJoin.token, { reconnection: true });
    return { session, facilitator, account, staff, items, member, phone, projector, projectorToken: screenJoin.token };
  }

  it('starts the next item in one action: opens it, switches the screen, starts its countdown for everyone', async () => {
    const { session, staff, items, phone, projector, member } = await agenda();
    await sendOk(staff, 'activity.plan', { activityId: items[0].id, plannedMinutes: 5 });
    const phoneCurrent = nextEvent(phone, 'agenda.current');
    const screen = nextEvent(projector, 'screen.changed');
    const opened = nextEvent(phone, 'activity.updated', (p) => p.activity.id === items[0].id);
    const state = await sendOk(staff, 'agenda.startNext', { fromActivityId: null });
    expect(state.currentActivityId).toBe(items[0].id);
    const current = await phoneCurrent;
    expect(current.timer).toMatchObject({ activityId: items[0].id, durationMs: 300_000, pausedRemainingMs: null, autoClose: false });
    const remaining = new Date(current.timer!.endsAt!).getTime() - new Date(current.serverNow).getTime();
    expect(remaining).toBeGreaterThan(295_000);
    expect((await screen).screen).toEqual({ view: 'activity', activityId: items[0].id });
    expect((await opened).activity.state).toBe('open');
    // Next: the first item closes, the second opens; then the third; then the end of the agenda.
    await sendOk(staff, 'agenda.startNext', { fromActivityId: items[0].id });
    await sendOk(staff, 'agenda.startNext', { fromActivityId: items[1].id });
    expect(await send(staff, 'agenda.startNext', { fromActivityId: items[2].id })).toMatchObject({ ok: false, error: { code: 'AGENDA_END' } });
    const snap = await snapshot(member.token, session.id);
    expect(snap.activities.map((a) => a.state)).toEqual(['closed', 'closed', 'open']);
    expect(roomOf(snap)).toMatchObject({ currentActivityId: items[2].id, timer: null, screen: { view: 'activity', activityId: items[2].id } });
  });

  it('extends, pauses and resumes the countdown, with server time in each update', async () => {
    const { staff, items, phone } = await agenda();
    const started = await sendOk(staff, 'activity.start', { activityId: items[1].id, durationSeconds: 120 });
    const endsAt = new Date(started.timer!.endsAt!).getTime();
    const extended = nextEvent(phone, 'timer.updated');
    await sendOk(staff, 'timer.extend', { seconds: 60 });
    const ext = await extended;
    expect(new Date(ext.timer!.endsAt!).getTime()).toBe(endsAt + 60_000);
    expect(ext.timer!.durationMs).toBe(180_000);
    expect(Number.isNaN(Date.parse(ext.serverNow))).toBe(false);
    const paused = await sendOk(staff, 'timer.pause', {});
    expect(paused.timer).toMatchObject({ endsAt: null });
    expect(paused.timer!.pausedRemainingMs).toBeGreaterThan(170_000);
    expect((await sendOk(staff, 'timer.pause', {})).timer).toEqual(paused.timer);
    await sendOk(staff, 'timer.extend', { seconds: 30 });
    const resumed = await sendOk(staff, 'timer.resume', {});
    expect(resumed.timer!.pausedRemainingMs).toBeNull();
    expect(new Date(resumed.timer!.endsAt!).getTime() - Date.now()).toBeGreaterThan(195_000);
  });

  it('closes the activity automatically at zero after a 10-second warning', async () => {
    const { session, staff, items, phone, projector } = await agenda();
    const warning = nextEvent(projector, 'timer.warning');
    const autoClosed = nextEvent(phone, 'activity.autoClosed', () => true, 8000);
    const closed = nextEvent(phone, 'activity.updated', (p) => p.activity.id === items[0].id && p.activity.state === 'closed', 8000);
    await sendOk(staff, 'activity.start', { activityId: items[0].id, durationSeconds: 2, autoClose: true });
    expect((await warning).activityId).toBe(items[0].id);
    expect((await autoClosed).activityId).toBe(items[0].id);
    await closed;
    const audit: { type: string }[] = await t.db.query(`SELECT type FROM audit_event WHERE session_id = $1 AND type = 'activity.autoClosed'`, [session.id]);
    expect(audit).toHaveLength(1);
    expect(roomOf(await snapshot((await t.join(session.joinCode, 'Retard')).token, session.id)).timer).toBeNull();
  });

  it('does not close at the old time when the countdown was extended', async () => {
    const { session, staff, items, member } = await agenda();
    await sendOk(staff, 'activity.start', { activityId: items[0].id, durationSeconds: 1, autoClose: true });
    await sendOk(staff, 'timer.extend', { seconds: 600 });
    // A control room started after it with the same countdown, not extended: once it has closed,
    // the first countdown's old time has passed on this node's timers too.
    const control = await agenda();
    const controlClosed = nextEvent(control.phone, 'activity.autoClosed', (p) => p.activityId === control.items[0].id, 8000);
    await sendOk(control.staff, 'activity.start', { activityId: control.items[0].id, durationSeconds: 1, autoClose: true });
    await controlClosed;
    const rows: { state: string }[] = await t.db.query('SELECT state FROM activity WHERE id = $1', [items[0].id]);
    expect(rows[0].state).toBe('open');
    const autoClosed: unknown[] = await t.db.query(`SELECT 1 FROM audit_event WHERE session_id = $1 AND type = 'activity.autoClosed'`, [session.id]);
    expect(autoClosed).toHaveLength(0);
    const timer = roomOf(await snapshot(member.token, session.id)).timer;
    expect(new Date(timer!.endsAt!).getTime() - Date.now()).toBeGreaterThan(590_000);
  });

  it('settles two facilitators acting at once: one transition and one audit event each time', async () => {
    const { session, staff, items } = await agenda();
    const other = await secondFacilitator(session.id);
    const [a, b] = await Promise.all([send(staff, 'agenda.startNext', { fromActivityId: null }), send(other, 'agenda.startNext', { fromActivityId: null })]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect([a.data.currentActivityId, b.data.currentActivityId]).toEqual([items[0].id, items[0].id]);
    await Promise.all([
      send(staff, 'screen.show', { screen: { view: 'message', message: 'Pause café' } }),
      send(other, 'screen.show', { screen: { view: 'message', message: 'Pause café' } }),
    ]);
    const closes = await Promise.all([send(staff, 'activity.close', { activityId: items[0].id }), send(other, 'activity.close', { activityId: items[0].id })]);
    expect(closes.map((c) => c.ok && c.data.state)).toEqual(['closed', 'closed']);
    const audit: { type: string; n: string }[] = await t.db.query(
      `SELECT type, count(*) AS n FROM audit_event WHERE session_id = $1 AND type IN ('agenda.started', 'screen.shown', 'activity.closed') GROUP BY type ORDER BY type`,
      [session.id],
    );
    // screen.shown twice: once when the item started, once for the message.
    expect(audit.map((r) => [r.type, Number(r.n)])).toEqual([['activity.closed', 1], ['agenda.started', 1], ['screen.shown', 2]]);
  });

  it('brings a reloaded or reconnected projector back to the screen state', async () => {
    const { session, staff, items, projector, projectorToken } = await agenda();
    await sendOk(staff, 'screen.show', { screen: { view: 'qna', activityId: items[2].id } });
    // Listen before cutting: on a slow database the projector may be back before the message is shown.
    const reconnected = new Promise<void>((resolve) => projector.once('connect', () => resolve()));
    projector.io.engine.close();
    await sendOk(staff, 'screen.show', { screen: { view: 'message', message: 'Reprise à 14 h' } });
    await reconnected;
    const back = await snapshot(projectorToken, session.id);
    expect(roomOf(back).screen).toEqual({ view: 'message', message: 'Reprise à 14 h' });
    const changed = nextEvent(projector, 'screen.changed');
    await sendOk(staff, 'screen.show', { screen: { view: 'welcome' } });
    expect((await changed).screen).toEqual({ view: 'welcome' });
    expect(await send(staff, 'screen.show', { screen: { view: 'results' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('plans, changes and clears planned durations: facilitators see it live, the next start uses it', async () => {
    const { session, staff, items, phone, member } = await agenda();
    const other = await secondFacilitator(session.id);
    let memberHeard = false;
    (phone as unknown as { on(e: string, h: () => void): void }).on('agenda.planned', () => (memberHeard = true));
    const seen = nextEvent(other, 'agenda.planned');
    expect((await sendOk(staff, 'activity.plan', { activityId: items[1].id, plannedMinutes: 12 })).plan).toEqual({ [items[1].id]: 12 });
    expect((await seen).plan).toEqual({ [items[1].id]: 12 });
    await sendOk(staff, 'activity.plan', { activityId: items[0].id, plannedMinutes: 3 });
    expect((await sendOk(other, 'activity.plan', { activityId: items[0].id, plannedMinutes: null })).plan).toEqual({ [items[1].id]: 12 });
    expect(await send(staff, 'activity.plan', { activityId: items[0].id, plannedMinutes: 601 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send(phone, 'activity.plan', { activityId: items[0].id, plannedMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Item 1 has no plan any more: no countdown; item 2 starts with its 12 minutes.
    expect((await sendOk(staff, 'agenda.startNext', { fromActivityId: null })).timer).toBeNull();
    const started = await sendOk(staff, 'agenda.startNext', { fromActivityId: items[0].id });
    expect(started.timer).toMatchObject({ activityId: items[1].id, durationMs: 720_000 });
    expect(roomOf(await snapshot(member.token, session.id)).plan).toEqual({ [items[1].id]: 12 });
    expect(memberHeard).toBe(false);
  });

  it('gives facilitators one moderation queue across boards (groups included) and the Q&A, which members never see', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    await sendOk(staff, 'activity.create', { kind: 'groups', title: 'Groupes de travail', config: { placement: 'assign' } });
    const groups = ((await snapshot(facilitator.token, session.id)).features.groups as GroupsSnapshot).activities[0].groups;
    const plenary = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Atelier 2', config: { moderation: 'pre' } });
    const groupBoard = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Tableau du groupe', groupId: groups[0].id });
    const qna = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Échange', config: { moderation: 'pre' } });
    for (const b of [plenary, groupBoard]) await sendOk(staff, 'board.open', { activityId: b.id });
    await sendOk(staff, 'activity.open', { activityId: qna.id });
    const alice = await t.join(session.joinCode, 'Alice Fabre');
    const bruno = await t.join(session.joinCode, 'Bruno Vidal');
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groups[0].id });
    const [aliceSocket, brunoSocket] = await Promise.all([t.connect(alice.token), t.connect(bruno.token)]);

    const pendingIdea = await sendOk(brunoSocket, 'idea.post', { activityId: plenary.id, columnId: 'idees', title: 'Un guichet unique' });
    const groupIdea = await sendOk(aliceSocket, 'idea.post', { activityId: groupBoard.id, columnId: 'idees', title: 'Hors sujet' });
    await sendOk(staff, 'idea.hide', { activityId: groupBoard.id, ideaId: groupIdea.id, reason: 'Hors sujet' });
    const question = await sendOk(brunoSocket, 'qna.ask', { activityId: qna.id, text: 'Quel calendrier ?' });
    expect([pendingIdea.status, question.status]).toEqual(['pending', 'pending']);

    const queueOf = (snap: SessionSnapshot) => {
      const boards = snap.features.boards as BoardsFeature;
      const ideas = Object.values(boards.boards).flatMap((b) => b.ideas);
      return [...ideas.map((i) => [i.title, i.status]), ...(snap.features.qna as QnaSnapshot).questions.map((q) => [q.text, q.status])];
    };
    expect(queueOf(await snapshot(facilitator.token, session.id))).toEqual([
      ['Un guichet unique', 'pending'],
      ['Hors sujet', 'hidden'],
      ['Quel calendrier ?', 'pending'],
    ]);
    // Members see only their own waiting items; the other group's board is not theirs at all.
    const charles = await t.join(session.joinCode, 'Charles Py');
    expect(queueOf(await snapshot(charles.token, session.id))).toEqual([]);
    expect(queueOf(await snapshot(alice.token, session.id))).toEqual([['Hors sujet', 'hidden']]);

    // The queue's quick actions are the features' own commands: publish, restore (undo).
    const published = nextEvent(aliceSocket, 'idea.updated', (e) => e.idea.id === groupIdea.id && e.idea.status === 'visible');
    await sendOk(staff, 'idea.approve', { activityId: plenary.id, ideaId: pendingIdea.id });
    await sendOk(staff, 'qna.approve', { questionId: question.id });
    await sendOk(staff, 'idea.restore', { activityId: groupBoard.id, ideaId: groupIdea.id });
    await published;
    expect(queueOf(await snapshot(charles.token, session.id))).toEqual([
      ['Un guichet unique', 'visible'],
      ['Quel calendrier ?', 'visible'],
    ]);
  });

  it('refuses room commands from members and screens', async () => {
    const { items, phone, projector } = await agenda();
    for (const socket of [phone, projector]) {
      for (const ack of [
        await send(socket, 'agenda.startNext', { fromActivityId: null }),
        await send(socket, 'screen.show', { screen: { view: 'welcome' } }),
        await send(socket, 'activity.close', { activityId: items[0].id }),
        await send(socket, 'timer.extend', { seconds: 30 }),
      ]) {
        expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('counts présents / attendus by territory type with the quorum indicator', async () => {
    const { session, staff: account, facilitator } = await t.liveSession({ accessMode: 'roster' });
    const csv = [
      'name;email;perimeter;territoryType;category;gender',
      'Anne Métro;anne@exemple.test;Toulouse Métropole;metropole;elu;femme',
      'Bernard Agglo;bernard@exemple.test;Albi;agglomeration;citoyen;homme',
      'Chloé Pays;chloe@exemple.test;PNR Causses;territoire_projet;citoyen;femme',
      'Denis Bourg;denis@exemple.test;Millau;bourg_centre;elu;homme',
    ].join('\n');
    await t.http().post(`/api/sessions/${session.id}/roster`).set('Authorization', `Bearer ${account.token}`).set('Content-Type', 'text/csv').send(csv).expect(200);
    const invitations = (await t.http().get(`/api/sessions/${session.id}/invitations`).set('Authorization', `Bearer ${account.token}`).expect(200)).body as { name: string; link: string }[];
    const tokenOf = (name: string) => invitations.find((i) => i.name === name)!.link.split('/i/')[1];
    const staff = await t.connect(facilitator.token);
    await sendOk(staff, 'room.setQuorum', { quorumPercent: 50 });
    const anne = (await t.http().post('/api/sessions/join').send({ invitation: tokenOf('Anne Métro') }).expect(200)).body;
    const anneSocket = await t.connect(anne.token);
    const changed = nextEvent(staff, 'attendance.changed');
    expect(await sendOk(anneSocket, 'presence.confirm', {})).toEqual({ confirmed: true });
    expect(await sendOk(anneSocket, 'presence.confirm', {})).toEqual({ confirmed: true });
    expect((await changed).participantId).toBe(anne.participant.id);
    const url = `/api/sessions/${session.id}/attendance`;
    let figures = (await t.http().get(url).set('Authorization', `Bearer ${account.token}`).expect(200)).body;
    expect(figures).toMatchObject({ expected: 4, present: 1, quorumPercent: 50, quorumReached: false });
    expect(figures.byTerritoryType.find((r: { territoryType: string }) => r.territoryType === 'metropole')).toMatchObject({ expected: 1, present: 1 });
    await t.http().post('/api/sessions/join').send({ invitation: tokenOf('Denis Bourg') }).expect(200);
    figures = (await t.http().get(url).set('Authorization', `Bearer ${account.token}`).expect(200)).body;
    expect(figures).toMatchObject({ expected: 4, present: 2, quorumReached: true });
    expect(figures.byCategory).toEqual([
      { category: 'elu', expected: 2, present: 2, connected: expect.any(Number) },
      { category: 'citoyen', expected: 2, present: 0, connected: 0 },
    ]);
    expect(roomOf(await snapshot(anne.token, session.id)).presentConfirmed).toBe(true);
    // Members and guests cannot read the figures; a guest of an open session has nothing to confirm.
    await t.http().get(url).set('Authorization', `Bearer ${anne.token}`).expect(401);
    const open = await t.liveSession();
    const guest = await t.connect((await t.join(open.session.joinCode, 'Invité')).token);
    expect(await send(guest, 'presence.confirm', {})).toMatchObject({ ok: false, error: { code: 'NOT_ROSTER_MEMBER' } });
  });
});
