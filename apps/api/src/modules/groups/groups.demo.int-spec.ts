import type { BoardsFeature, GroupsSnapshot, JoinResponse } from '@palabre/contracts';
import type { TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { snapshotOf } from '../../common/testing/snapshot';
import { DEMO } from '../../seed/demo';

describe('demo session working groups', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { seedDemo: true });

  it('has the four groups, the whole roster drawn evenly over them, and boards seeded from workshop 1', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: DEMO.facilitator.email, password: DEMO.facilitator.password }).expect(200);
    const sessions = await t.http().get('/api/sessions').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    const session = sessions.body.find((s: { joinCode: string }) => s.joinCode === DEMO.joinCode);
    const entered = (await t.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${login.body.token}`).expect(200)).body as JoinResponse;
    const snap = await snapshotOf(t, entered.token, session.id);
    const groups = snap.features.groups as GroupsSnapshot;
    const [activity] = groups.activities;
    expect(activity.groups.map((g) => g.name)).toHaveLength(4);
    const roster = groups.roster!;
    expect(roster.every((m) => m.groupId !== null)).toBe(true);
    const sizes = activity.groups.map((g) => g.memberCount);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const category of ['elu', 'citoyen']) {
      const perGroup = activity.groups.map((g) => roster.filter((m) => m.groupId === g.id && m.category === category).length);
      expect(Math.max(...perGroup) - Math.min(...perGroup)).toBeLessThanOrEqual(1);
    }
    for (const g of activity.groups) {
      expect(snap.activities.filter((a) => a.groupId === g.id).map((a) => a.kind)).toEqual(['board']);
      // The boards module takes the starting cards: they are ideas of the group's board, their origin written under them.
      const board = snap.activities.find((a) => a.groupId === g.id)!;
      const ideas = (snap.features.boards as BoardsFeature).boards[board.id].ideas;
      expect(ideas.map((i) => i.body)).toContain('Origine : Atelier 1 — thème classé 1er');
      expect(g.rapporteurParticipantId).not.toBeNull();
    }
  });
});
