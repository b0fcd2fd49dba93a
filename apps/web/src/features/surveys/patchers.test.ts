import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '@palabre/contracts';
import { featureState } from '../../lib/patchers';
import { surveyPatchers } from './patchers';

const base = { version: 1, features: { surveys: { surveys: {}, myBallots: {}, results: {} } } } as unknown as SessionSnapshot;
const yes = { type: 'yesno', choice: 'yes' } as const;

describe('survey patchers and ballot channels', () => {
  it('keeps a ballot cast for a represented member out of my own ballots', () => {
    const recorded = surveyPatchers['ballot.recorded']!;
    const mine = recorded(base, { sessionId: 's', version: 2, activityId: 'a', questionId: 'q', value: yes });
    expect(featureState(mine, 'surveys')?.myBallots).toEqual({ q: yes });
    const proxy = recorded(base, { sessionId: 's', version: 2, activityId: 'a', questionId: 'q', value: yes, forMemberId: 'marie' });
    expect(featureState(proxy, 'surveys')?.myBallots).toEqual({});
  });

  it('keeps the device / paper split of live results', () => {
    const parts = { device: 2, proxy: 1, assisted: 0, paper: 3 };
    const next = surveyPatchers['results.updated']!(base, { sessionId: 's', version: 2, activityId: 'a', questionId: 'q', state: 'open', ballots: 6, present: 8, results: null, parts });
    expect(featureState(next, 'surveys')?.results.q.parts).toEqual(parts);
  });
});
