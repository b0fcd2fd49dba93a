import type { BoardsFeature, SessionSnapshot } from '@palabre/contracts';
import { TestApp } from '../../common/testing/harness';

describe('demo seed: the workshop-2 board', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ seedDemo: true });
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('opens « faire vivre les contrats » with four columns and a dozen supported ideas', async () => {
    const joined = await t.join('OCCITANIE', 'Visiteuse');
    const res = await t.http().get(`/api/sessions/${joined.session.id}/snapshot`).set('Authorization', `Bearer ${joined.token}`).expect(200);
    const boards = Object.values(((res.body as SessionSnapshot).features.boards as BoardsFeature).boards);
    expect(boards).toHaveLength(1);
    const [board] = boards;
    expect(board.board.state).toBe('open');
    expect(board.board.columns.map((c) => c.title)).toEqual(['Gouvernance', 'Financement', 'Animation', 'Évaluation']);
    expect(board.ideas).toHaveLength(12);
    expect(new Set(board.ideas.map((i) => i.authorName)).size).toBeGreaterThan(6);
    expect(board.counts?.every((c) => c.supports > 0)).toBe(true);
    expect(board.comments.length).toBeGreaterThan(0);
  });
});
