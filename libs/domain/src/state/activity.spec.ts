import { ActivityKind } from '@palabre/contracts';
import { ACTIVITY_STATES, isActivityRunning } from '../index';

describe('activity states per kind', () => {
  it('gives every kind running and closed states that never overlap and never include the draft', () => {
    for (const kind of ActivityKind.options) {
      const { running, closed } = ACTIVITY_STATES[kind];
      expect(running.length).toBeGreaterThan(0);
      expect(closed.length).toBeGreaterThan(0);
      expect(running.filter((s) => closed.includes(s))).toEqual([]);
      expect([...running, ...closed]).not.toContain('draft');
    }
  });

  it('says a locked board, a published survey and closed groups are not running', () => {
    expect(isActivityRunning({ kind: 'board', state: 'locked' })).toBe(false);
    expect(isActivityRunning({ kind: 'survey', state: 'published' })).toBe(false);
    expect(isActivityRunning({ kind: 'groups', state: 'report_back' })).toBe(true);
    expect(isActivityRunning({ kind: 'qna', state: 'draft' })).toBe(false);
  });
});
