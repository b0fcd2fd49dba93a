import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '@palabre/contracts';
import { combinePatchers, featureState, patchFeature, type SnapshotPatchers } from './patchers';

const base = { version: 1, features: {} } as unknown as SessionSnapshot;

describe('snapshot patchers', () => {
  it('runs every feature patcher of the same event in order', () => {
    const first: SnapshotPatchers = { 'activity.deleted': (s, p) => patchFeature<string[]>(s, 'log', (l = []) => [...l, `a:${p.activityId}`]) };
    const second: SnapshotPatchers = { 'activity.deleted': (s, p) => patchFeature<string[]>(s, 'log', (l = []) => [...l, `b:${p.activityId}`]) };
    const patch = combinePatchers(first, second)['activity.deleted'];
    const next = patch?.(base, { sessionId: 's', version: 2, activityId: 'x' });
    expect(next && featureState<string[]>(next, 'log')).toEqual(['a:x', 'b:x']);
    expect(base.features).toEqual({}); // never mutated
  });
});
