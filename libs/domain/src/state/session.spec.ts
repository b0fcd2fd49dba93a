import { SessionState } from '@palabre/contracts';
import { canTransition, isSessionWritable, SESSION_TRANSITIONS } from '../index';

describe('session state machine', () => {
  it('follows draft → live → closed → archived', () => {
    expect(canTransition(SESSION_TRANSITIONS, 'draft', 'live')).toBe(true);
    expect(canTransition(SESSION_TRANSITIONS, 'live', 'closed')).toBe(true);
    expect(canTransition(SESSION_TRANSITIONS, 'closed', 'archived')).toBe(true);
  });

  it('lets a closed session go live again but never leaves the archive', () => {
    expect(canTransition(SESSION_TRANSITIONS, 'closed', 'live')).toBe(true);
    for (const to of SessionState.options) expect(canTransition(SESSION_TRANSITIONS, 'archived', to)).toBe(false);
  });

  it('refuses skipping states', () => {
    expect(canTransition(SESSION_TRANSITIONS, 'draft', 'closed')).toBe(false);
    expect(canTransition(SESSION_TRANSITIONS, 'draft', 'archived')).toBe(false);
    expect(canTransition(SESSION_TRANSITIONS, 'live', 'archived')).toBe(false);
  });

  it('makes only archived sessions read-only', () => {
    expect(SessionState.options.filter((s) => !isSessionWritable(s))).toEqual(['archived']);
  });
});
