import { describe, expect, it } from 'vitest';
import type { QuestionConfig, QuestionView } from '@palabre/contracts';
import { canSend, initialBallot, progress } from './ballot-model';

const OPTIONS = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: id.toUpperCase() }));
const question = (config: QuestionConfig): QuestionView => ({ id: 'q1', activityId: 'act', position: 0, prompt: 'Classez', state: 'open', openedAt: null, closedAt: null, config });

describe('the ballot a member starts from', () => {
  it('leaves a ranking unranked, so that it cannot be sent untouched', () => {
    const q = question({ type: 'ranking', options: OPTIONS, topK: 3 });
    const start = initialBallot(q, OPTIONS, undefined, 'p1');
    expect(start).toBeUndefined();
    expect(canSend(q, start)).toBe(false);
    expect(canSend(q, { type: 'ranking', ranking: ['a', 'b'] })).toBe(false);
    expect(canSend(q, { type: 'ranking', ranking: ['a', 'b', 'c'] })).toBe(true);
    expect(progress(q, { type: 'ranking', ranking: ['a'] })).toEqual({ done: 1, needed: 3 });
  });

  it('pre-fills a ranking in an order of its own for each member when the facilitator asks for it', () => {
    const q = question({ type: 'ranking', options: OPTIONS, prefill: 'shuffled' });
    const orders = ['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => initialBallot(q, OPTIONS, undefined, p));
    for (const order of orders) {
      expect(order?.type === 'ranking' && [...order.ranking].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(canSend(q, order)).toBe(true);
    }
    // The same member always gets the same order; members do not all get the list order.
    expect(initialBallot(q, OPTIONS, undefined, 'p1')).toEqual(orders[0]);
    expect(new Set(orders.map((o) => JSON.stringify(o))).size).toBeGreaterThan(1);
  });

  it('starts from the ballot already cast', () => {
    const q = question({ type: 'ranking', options: OPTIONS, prefill: 'shuffled' });
    const mine = { type: 'ranking' as const, ranking: ['e', 'd', 'c', 'b', 'a'] };
    expect(initialBallot(q, OPTIONS, mine, 'p1')).toBe(mine);
  });

  it('requires every option graded in majority judgment', () => {
    const q = question({ type: 'majority', gradeCount: 6, options: OPTIONS.slice(0, 2) });
    expect(canSend(q, { type: 'majority', grades: { a: 1 } })).toBe(false);
    expect(canSend(q, { type: 'majority', grades: { a: 1, b: 0 } })).toBe(true);
  });
});
