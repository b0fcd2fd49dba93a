import type { FloorSnapshot, JoinResponse } from '@palabre/contracts';
import { boardsOf } from '../../common/testing/boards';
import { sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { snapshotOf } from '../../common/testing/snapshot';
import type { OpinionsSnapshot } from '@palabre/contracts';
import { DEMO } from '../../seed/demo';

describe('demo seed: the workshop-2 board and the plenary’s speakers’ list', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { seedDemo: true });

  it('opens « faire vivre les contrats » with four columns and a dozen supported ideas', async () => {
    const joined = await t.join('OCCITANIE', 'Visiteuse');
    const boards = Object.values((await boardsOf(t, joined.token, joined.session.id)).boards);
    expect(boards).toHaveLength(1);
    const [board] = boards;
    expect(board.board.state).toBe('open');
    expect(board.board.columns.map((c) => c.title)).toEqual(['Gouvernance', 'Financement', 'Animation', 'Évaluation']);
    expect(board.ideas).toHaveLength(12);
    expect(new Set(board.ideas.map((i) => i.authorName)).size).toBeGreaterThan(6);
    expect(board.counts?.every((c) => c.supports > 0)).toBe(true);
    expect(board.comments.length).toBeGreaterThan(0);
  });

  it('feeds the opinion map: its ideas become statements, the answers give groups and consensus statements', async () => {
    const { session } = await t.join('OCCITANIE', 'Animatrice de passage');
    const staff = await t.staff('facilitator');
    const entered = await t.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${staff.token}`).expect(200);
    const snapshot = await snapshotOf(t, (entered.body as { token: string }).token, session.id);
    const maps = Object.entries((snapshot.features.opinions as OpinionsSnapshot).activities);
    expect(maps).toHaveLength(1);
    const [[id, map]] = maps;
    const activity = snapshot.activities.find((a) => a.id === id)!;
    // After the morning's items (the board it draws from among them), a draft: the facilitator launches it.
    const order = snapshot.activities.map((a) => a.kind);
    expect(activity.state).toBe('draft');
    expect(order.indexOf('opinions')).toBeGreaterThan(order.indexOf('qna'));
    expect(map.statements).toHaveLength(12);
    expect(map.statements.every((s) => s.origin === 'idea' && s.status === 'visible')).toBe(true);
    expect(map.map!.members).toBeGreaterThanOrEqual(80);
    expect(map.map!.groups.length).toBeGreaterThanOrEqual(2);
    const textOf = (statementId: string) => map.statements.find((s) => s.id === statementId)!.text;
    expect(map.map!.consensus.map((c) => textOf(c.statementId))).toContain('Simplifier les dossiers de demande de subvention');
    expect(map.map!.consensus.map((c) => textOf(c.statementId))).not.toContain('Un comité de suivi par contrat, ouvert aux citoyens');
    expect(map.map!.lenses.find((l) => l.dimension === 'category')?.comparable).toBe(true);
  });

  it('puts the plenary’s speakers’ list after the morning’s items, in draft, with balanced requests a facilitator can run from the console', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: DEMO.facilitator.email, password: DEMO.facilitator.password }).expect(200);
    const sessions = (await t.http().get('/api/sessions').set('Authorization', `Bearer ${login.body.token}`).expect(200)).body as { id: string; joinCode: string }[];
    const session = sessions.find((s) => s.joinCode === DEMO.joinCode)!;
    const entered = (await t.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${login.body.token}`).expect(200)).body as JoinResponse;
    const snap = await snapshotOf(t, entered.token, session.id);
    const item = snap.activities.find((a) => a.kind === 'floor')!;
    expect(snap.activities.indexOf(item)).toBeGreaterThan(snap.activities.findIndex((a) => a.kind === 'qna'));
    expect(item).toMatchObject({ kind: 'floor', title: 'Débat en plénière : la parole aux membres', state: 'draft' });
    const list = (snap.features.floor as FloorSnapshot).lists[item.id];
    expect(list.waiting).toHaveLength(8);
    expect(list.waiting[0]).toMatchObject({ name: 'Rapporteure générale', priority: true, reason: { code: 'priority' } });
    expect(list.waiting.some((r) => r.remote)).toBe(true);
    expect(list.waiting.some((r) => r.participantId === null && r.name === 'Josiane Bousquet')).toBe(true);
    // The balance shows: the two élus men who asked first are not heard one after the other.
    expect(list.waiting.some((r) => r.reason?.code === 'parity')).toBe(true);
    expect(new Set(list.waiting.map((r) => `${r.gender}/${r.category}`)).size).toBeGreaterThanOrEqual(4);
    // Opened from the console, the list takes the floor.
    const staff = await t.connect(entered.token);
    await sendOk(staff, 'activity.open', { activityId: item.id });
    const given = await sendOk(staff, 'floor.give', { requestId: list.queue[0] });
    expect(given).toMatchObject({ name: 'Rapporteure générale', state: 'speaking' });
  });
});

