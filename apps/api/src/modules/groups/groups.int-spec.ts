import type { GroupsSnapshot, JoinResponse, SessionSnapshot } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { TransactionRunner, type Tx } from '../../common/db/transaction';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { snapshotOf } from '../../common/testing/snapshot';
import { ActivitiesService } from '../sessions/activities.service';

describe('working groups (real database, real socket.io)', () => {
  let t: TestApp;
  const inTx = <T>(work: (tx: Tx) => Promise<T>) => t.palabre.app.get(TransactionRunner).run(work);
  appForTests((app) => (t = app));

  async function snapshot(session: { id: string }, who: JoinResponse) {
    return (await snapshotOf(t, who.token, session.id)) as SessionSnapshot & { features: { groups: GroupsSnapshot } };
  }

  /** A live session, its facilitator socket, a groups activity with the four default themes, and two members. */
  async function setup(config: Record<string, unknown> = { placement: 'assign' }, { start = true } = {}) {
    const live = await t.liveSession();
    const staff = await t.connect(live.facilitator.token);
    const activity = await sendOk(staff, 'activity.create', { kind: 'groups', title: 'Groupes de travail', config });
    // Members see the groups (and may choose one) once the working time is launched.
    if (start) await sendOk(staff, 'activity.open', { activityId: activity.id });
    const snap = await snapshot(live.session, live.facilitator);
    const groups = snap.features.groups.activities[0].groups;
    const alice = await t.join(live.session.joinCode, 'Alice Fabre');
    const bruno = await t.join(live.session.joinCode, 'Bruno Vidal');
    return { session: live.session, account: live.staff, facilitator: live.facilitator, staff, activity, groups, alice, bruno };
  }

  it('creates the four thematic groups by default', async () => {
    const { groups } = await setup();
    expect(groups.map((g) => g.name)).toEqual([
      'Attractivité et innovation',
      'Qualité de vie et innovation sociale',
      'Solidarités territoriales',
      'Territoires en transition durable',
    ]);
    expect(groups.every((g) => g.capacity === 70 && g.memberCount === 0)).toBe(true);
  });

  it('lets members choose a group until it is full, and refuses after the closing time', async () => {
    const { session, alice, bruno, groups, staff } = await setup({ groups: [{ name: 'Petit', capacity: 1 }, { name: 'Grand', capacity: 10 }], placement: 'choose' });
    const a = await t.connect(alice.token);
    const b = await t.connect(bruno.token);
    const [first, second] = await Promise.all([send(a, 'group.choose', { groupId: groups[0].id }), send(b, 'group.choose', { groupId: groups[0].id })]);
    // Two members race for the last seat: exactly one gets it.
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const refused = first.ok ? second : first;
    expect(!refused.ok && refused.error).toEqual({ code: 'GROUP_FULL', message: 'Ce groupe est complet, choisissez-en un autre.' });
    expect((await snapshot(session, alice)).features.groups.activities[0].groups.map((g) => g.memberCount)).toEqual([1, 0]);

    const closed = await sendOk(staff, 'activity.create', {
      kind: 'groups',
      title: 'Groupes fermés',
      config: { groups: [{ name: 'A', capacity: 5 }, { name: 'B', capacity: 5 }], placement: 'choose', choiceClosesAt: '2020-01-01T00:00:00.000Z' },
    });
    await sendOk(staff, 'activity.open', { activityId: closed.id });
    const closedGroups = (await snapshot(session, alice)).features.groups.activities.find((x) => x.activityId === closed.id)!.groups;
    const late = await send(a, 'group.choose', { groupId: closedGroups[0].id });
    expect(!late.ok && late.error.code).toBe('GROUP_CHOICE_CLOSED');
  });

  it('keeps each member to their own group until the report-back, then lets them read (not write) the others', async () => {
    const { session, staff, alice, bruno, groups } = await setup();
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groups[0].id });
    await sendOk(staff, 'group.assign', { participantId: bruno.participant.id, groupId: groups[1].id });
    const b = await t.connect(bruno.token);
    const heard: string[] = [];
    for (const e of ['activity.created', 'activity.updated'] as const) b.on(e, (p) => heard.push(p.activity.title));
    const boardA = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions du groupe A', groupId: groups[0].id });
    const boardB = await sendOk(staff, 'activity.create', { kind: 'qna', title: 'Questions du groupe B', groupId: groups[1].id });
    const bOpened = nextEvent(b, 'activity.updated', (p) => p.activity.id === boardB.id);
    await sendOk(staff, 'activity.open', { activityId: boardA.id });
    await sendOk(staff, 'activity.open', { activityId: boardB.id });
    await bOpened;
    // Another group's activity is not even announced (its title would leak); drafts reach nobody but staff.
    expect(heard).toEqual(['Questions du groupe B']);

    const seen = await snapshot(session, alice);
    expect(seen.activities.map((x) => x.id)).toContain(boardA.id);
    expect(seen.activities.map((x) => x.id)).not.toContain(boardB.id);
    expect(seen.features.groups.details.map((d) => d.groupId)).toEqual([groups[0].id]);
    expect(seen.features.groups.roster).toBeUndefined();

    const readA = await send(b, 'synthesis.comment', { groupId: groups[0].id, body: 'Je passe chez les voisins' });
    expect(!readA.ok && readA.error.code).toBe('NOT_FOUND');
    const bruno_ = actorOf(bruno, groups[1].id);
    await expect(inTx((tx) => t.palabre.app.get(ActivitiesService).findReadable(tx, bruno_, boardA.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const opened = nextEvent(b, 'groups.reportBackOpened');
    await sendOk(staff, 'groups.openReportBack', { activityId: groups[0].activityId });
    await opened;
    const after = await snapshot(session, bruno);
    expect(after.activities.map((x) => x.id)).toEqual(expect.arrayContaining([boardA.id, boardB.id]));
    expect(after.features.groups.details).toHaveLength(4);
    await expect(inTx((tx) => t.palabre.app.get(ActivitiesService).findReadable(tx, bruno_, boardA.id))).resolves.toMatchObject({ id: boardA.id });
    await expect(inTx((tx) => t.palabre.app.get(ActivitiesService).findWritable(tx, bruno_, boardA.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const write = await send(b, 'synthesis.comment', { groupId: groups[0].id, body: 'Toujours pas chez moi' });
    expect(!write.ok && write.error.code).toBe('FORBIDDEN');
  });

  it('refuses a group activity naming a group of another session', async () => {
    const one = await setup();
    const other = await t.liveSession();
    const staff = await t.connect(other.facilitator.token);
    const ack = await send(staff, 'activity.create', { kind: 'qna', title: 'Intrus', groupId: one.groups[0].id });
    expect(!ack.ok && ack.error.code).toBe('NOT_FOUND');
  });

  it('moves a member with their socket room, keeping what they posted in the former group', async () => {
    const { session, staff, facilitator, alice, groups } = await setup();
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groups[0].id });
    const a = await t.connect(alice.token);
    await sendOk(a, 'synthesis.comment', { groupId: groups[0].id, body: 'Mettre les mobilités au centre' });
    const moved = nextEvent(a, 'group.membersMoved');
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groups[2].id });
    expect((await moved).moves).toEqual([{ participantId: alice.participant.id, groupId: groups[2].id, fromGroupId: groups[0].id }]);
    // Her connected socket now hears the new group's room.
    const heard = nextEvent(a, 'synthesis.commented', (p) => p.groupId === groups[2].id);
    await sendOk(staff, 'synthesis.comment', { groupId: groups[2].id, body: 'Bienvenue dans le groupe 3' });
    await heard;
    const old = (await snapshot(session, facilitator)).features.groups.details.find((d) => d.groupId === groups[0].id)!;
    expect(old.comments.map((c) => [c.body, c.authorName])).toEqual([['Mettre les mobilités au centre', 'Alice Fabre']]);
    expect(old.members).toEqual([]);
    const again = await send(a, 'synthesis.comment', { groupId: groups[0].id, body: 'Encore moi' });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });

  it('lets only the rapporteur write the synthesis, members comment, and the facilitator validate it', async () => {
    const { staff, alice, bruno, groups } = await setup();
    for (const who of [alice, bruno]) await sendOk(staff, 'group.assign', { participantId: who.participant.id, groupId: groups[0].id });
    const a = await t.connect(alice.token);
    const b = await t.connect(bruno.token);
    const draft = { groupId: groups[0].id, findings: 'Des centres-bourgs qui se vident', proposals: ['Un guichet unique des contrats', 'Des tiers-lieux dans chaque bourg-centre'], disagreements: 'Le rôle des métropoles' };
    const early = await send(a, 'synthesis.save', draft);
    expect(!early.ok && early.error.code).toBe('FORBIDDEN');
    const outsider = await send(staff, 'group.setRapporteur', { groupId: groups[1].id, participantId: alice.participant.id });
    expect(!outsider.ok && outsider.error.code).toBe('NOT_FOUND');
    await sendOk(staff, 'group.setRapporteur', { groupId: groups[0].id, participantId: alice.participant.id });

    const heard = nextEvent(b, 'synthesis.updated');
    expect(await sendOk(a, 'synthesis.save', draft)).toMatchObject({ state: 'draft', proposals: draft.proposals });
    expect((await heard).synthesis.findings).toBe('Des centres-bourgs qui se vident');
    const notRapporteur = await send(b, 'synthesis.save', { ...draft, findings: 'Autre chose' });
    expect(!notRapporteur.ok && notRapporteur.error).toEqual({ code: 'FORBIDDEN', message: "Vous n'avez pas le droit de faire cette action." });
    const comment = await sendOk(b, 'synthesis.comment', { groupId: groups[0].id, body: 'Ajouter la santé' });
    expect(comment).toMatchObject({ authorName: 'Bruno Vidal', body: 'Ajouter la santé' });

    const memberValidates = await send(a, 'synthesis.validate', { groupId: groups[0].id });
    expect(!memberValidates.ok && memberValidates.error.code).toBe('FORBIDDEN');
    expect(await sendOk(a, 'synthesis.save', { ...draft, submit: true })).toMatchObject({ state: 'submitted' });
    expect(await sendOk(staff, 'synthesis.validate', { groupId: groups[0].id })).toMatchObject({ state: 'validated' });
    const locked = await send(a, 'synthesis.save', draft);
    expect(!locked.ok && locked.error.code).toBe('SYNTHESIS_VALIDATED');
    const empty = await send(staff, 'synthesis.validate', { groupId: groups[1].id });
    expect(!empty.ok && empty.error.code).toBe('SYNTHESIS_EMPTY');
  });

  it('seeds a group with starting cards showing their origin, to that group only', async () => {
    const { session, staff, alice, bruno, groups } = await setup();
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groups[0].id });
    await sendOk(staff, 'group.assign', { participantId: bruno.participant.id, groupId: groups[1].id });
    const board = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Tableau du groupe', groupId: groups[0].id });
    const a = await t.connect(alice.token);
    const heard = nextEvent(a, 'group.seeded');
    const origin = { kind: 'survey' as const, label: 'Atelier 1 — thème classé 1er' };
    // Without a board the cards stay the group's starting cards (with one, they become ideas: group-seeding.int-spec).
    const result = await sendOk(staff, 'group.seed', { groupId: groups[0].id, source: { kind: 'cards', cards: [{ title: 'Mobilités du quotidien', origin }] } });
    expect(result.onBoard).toBe(false);
    expect((await heard).cards.map((c) => [c.title, c.origin.label])).toEqual([['Mobilités du quotidien', 'Atelier 1 — thème classé 1er']]);
    expect((await snapshot(session, alice)).features.groups.details[0].seedCards.map((c) => c.title)).toEqual(['Mobilités du quotidien']);
    expect((await snapshot(session, bruno)).features.groups.details[0].seedCards).toEqual([]);
    const wrongBoard = await send(staff, 'group.seed', { groupId: groups[1].id, boardActivityId: board.id, source: { kind: 'cards', cards: [{ title: 'X', origin }] } });
    expect(!wrongBoard.ok && wrongBoard.error.code).toBe('NOT_FOUND');
    const fromSurvey = await send(staff, 'group.seed', { groupId: groups[0].id, source: { kind: 'surveyTop', surveyActivityId: board.id, questionId: board.id, count: 3 } });
    // A board is not a survey: the surveys module answers as for any unknown survey.
    expect(!fromSurvey.ok && fromSurvey.error.code).toBe('NOT_FOUND');
  });

  it("turns the validated groups' proposals into one final plenary survey", async () => {
    const { session, staff, alice, bruno, groups, facilitator } = await setup();
    const none = await send(staff, 'groups.createFinalSurvey', { activityId: groups[0].activityId, method: 'ranking' });
    expect(!none.ok && none.error.code).toBe('NO_PROPOSALS');
    for (const [who, group, proposals] of [[alice, groups[0], ['Un guichet unique', 'Des tiers-lieux']], [bruno, groups[1], ['Des tiers-lieux', 'Une santé de proximité']]] as const) {
      await sendOk(staff, 'group.assign', { participantId: who.participant.id, groupId: group.id });
      await sendOk(staff, 'group.setRapporteur', { groupId: group.id, participantId: who.participant.id });
      const socket = await t.connect(who.token);
      await sendOk(socket, 'synthesis.save', { groupId: group.id, findings: 'Constats', proposals: [...proposals], disagreements: '', submit: true });
      await sendOk(staff, 'synthesis.validate', { groupId: group.id });
    }
    // The final survey is a draft: the staff hear of it, members when it opens.
    const created = nextEvent(staff, 'activity.created', (e) => e.activity.kind === 'survey');
    const { activity, questions } = await sendOk(staff, 'groups.createFinalSurvey', { activityId: groups[0].activityId, method: 'majority', title: 'Priorités finales' });
    expect(activity).toMatchObject({ kind: 'survey', title: 'Priorités finales', groupId: null });
    expect((await created).activity.id).toBe(activity.id);
    expect(questions[0]).toMatchObject({ type: 'majority', gradeCount: 7 });
    // The same proposal from two groups is one option.
    expect('options' in questions[0] && questions[0].options.map((o) => o.label)).toEqual(['Un guichet unique', 'Des tiers-lieux', 'Une santé de proximité']);
    expect((await snapshot(session, facilitator)).activities.map((x) => x.id)).toContain(activity.id);
  });

  it('starts the groups for everyone, hands a placed member their group activities, and marks the report-back', async () => {
    const { staff, alice, activity, groups } = await setup({ placement: 'assign' }, { start: false });
    const board = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Tableau du groupe 2', groupId: groups[1].id });
    await sendOk(staff, 'activity.open', { activityId: board.id });
    const a = await t.connect(alice.token);
    const started = nextEvent(a, 'activity.updated', (p) => p.activity.id === activity.id);
    expect(await sendOk(staff, 'groups.start', { activityId: activity.id })).toMatchObject({ state: 'live' });
    expect((await started).activity.state).toBe('live');
    const moved = nextEvent(a, 'group.membersMoved');
    await sendOk(staff, 'group.assign', { participantId: alice.participant.id, groupId: groups[1].id });
    expect((await moved).activities?.map((x) => x.id)).toEqual([board.id]);
    await sendOk(staff, 'groups.openReportBack', { activityId: activity.id });
    const member = await send(a, 'groups.start', { activityId: activity.id });
    expect(!member.ok && member.error.code).toBe('FORBIDDEN');
  });

  it('draws a balanced assignment of every member, the same for the same seed, and imports placements from CSV', async () => {
    const { session, account, staff, facilitator, groups } = await setup();
    const csv = ['name;email;perimeter;territoryType;category;gender'];
    const types = ['metropole', 'agglomeration', 'territoire_projet', 'bourg_centre'];
    for (let i = 0; i < 40; i++) csv.push(`Membre ${i};m${i}@exemple.test;Périmètre ${i % 9};${types[i % 4]};${i % 5 < 3 ? 'elu' : 'citoyen'};${i % 2 ? 'homme' : 'femme'}`);
    await t.http().post(`/api/sessions/${session.id}/roster`).set('Authorization', `Bearer ${account.token}`).set('Content-Type', 'text/csv').send(csv.join('\n')).expect(200);

    const first = await sendOk(staff, 'group.autoAssign', { activityId: groups[0].activityId, seed: 7 });
    expect(first.moves).toHaveLength(42); // 40 roster members + 2 guests
    expect(first.groups.map((g) => g.memberCount).sort()).toEqual([10, 10, 11, 11]);
    const roster = (await snapshot(session, facilitator)).features.groups.roster!;
    for (const category of ['elu', 'citoyen']) {
      const perGroup = groups.map((g) => roster.filter((m) => m.groupId === g.id && m.category === category).length);
      expect(Math.max(...perGroup) - Math.min(...perGroup)).toBeLessThanOrEqual(1);
    }
    const again = await sendOk(staff, 'group.autoAssign', { activityId: groups[0].activityId, seed: 7 });
    expect(again.moves).toEqual([]);

    const report = await t
      .http()
      .post(`/api/sessions/${session.id}/groups/${groups[0].activityId}/assignments`)
      .set('Authorization', `Bearer ${account.token}`)
      .set('Content-Type', 'text/csv')
      .send('participant;groupe\nm1@exemple.test;Solidarités territoriales\nMembre 2;1\nPersonne;2\nMembre 3;Groupe inconnu\n')
      .expect(200);
    expect(report.body.assigned).toBe(2);
    expect(report.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[4, 'UNKNOWN_PARTICIPANT'], [5, 'UNKNOWN_GROUP']]);
    const after = (await snapshot(session, facilitator)).features.groups.roster!;
    expect(after.find((m) => m.displayName === 'Membre 1')!.groupId).toBe(groups[2].id);
    expect(after.find((m) => m.displayName === 'Membre 2')!.groupId).toBe(groups[0].id);
  });
});

function actorOf(who: JoinResponse, groupId: string | null): ParticipantActor {
  return { kind: 'participant', participantId: who.participant.id, sessionId: who.session.id, role: who.participant.role, displayName: who.participant.displayName, groupId, blocked: false };
}
