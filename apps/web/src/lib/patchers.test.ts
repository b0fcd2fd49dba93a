import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '@palabre/contracts';
import { combinePatchers, featureState, patchFeature, type SnapshotPatchers } from './patchers';

const base = { version: 1, features: {} } as unknown as SessionSnapshot;

describe('snapshot patchers', () => {
  it('runs every feature patcher of the same event in order', () => {
    const noQna = { questions: [], myVotes: [], myQuestions: [], settings: {} };
    const vote = (tag: string): SnapshotPatchers => ({
      'activity.deleted': (s, p) => patchFeature(s, 'qna', (qna = noQna) => ({ ...qna, myVotes: [...qna.myVotes, `${tag}:${p.activityId}`] })),
    });
    const [first, second] = [vote('a'), vote('b')];
    const patch = combinePatchers(first, second)['activity.deleted'];
    const next = patch?.(base, { sessionId: 's', version: 2, activityId: 'x' });
    expect(next && featureState(next, 'qna')?.myVotes).toEqual(['a:x', 'b:x']);
    expect(base.features).toEqual({}); // never mutated
  });
});
