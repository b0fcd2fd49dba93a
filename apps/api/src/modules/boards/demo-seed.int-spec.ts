import { boardsOf } from '../../common/testing/boards';
import type { TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';

describe('demo seed: the workshop-2 board', () => {
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
});
