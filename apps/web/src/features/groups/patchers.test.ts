import { describe, expect, it } from 'vitest';
import type { ActivitySummary, GroupsSnapshot, SessionSnapshot, SynthesisView } from '@palabre/contracts';
import { groupsPatchers, groupsState } from './patchers';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const ME = '33333333-3333-4333-8333-333333333333';
const activity = (id: string, groupId: string | null, position: number): ActivitySummary => ({ id, kind: 'board', title: id, position, state: 'draft', groupId });
const synthesis = (findings: string, updatedAt: string): SynthesisView => ({ findings, proposals: [], disagreements: '', state: 'draft', updatedAt });

function snapshot(): SessionSnapshot {
  const groups: GroupsSnapshot = {
    reportBackOpen: false,
    presentedGroupId: null,
    activities: [],
    details: [{ groupId: G1, members: [], synthesis: synthesis('', '2026-01-01T10:00:00.000Z'), comments: [], seedCards: [] }],
  };
  return {
    version: 5,
    me: { id: ME, displayName: 'Alice', role: 'member', memberId: null, groupId: G1 },
    activities: [activity('plenary', null, 0), activity('board-g1', G1, 1)],
    features: { groups: groups },
  } as unknown as SessionSnapshot;
}

describe('working-groups snapshot patchers', () => {
  it("moves me to my new group's activities and out of the former group's", () => {
    const next = groupsPatchers['group.membersMoved']!(snapshot(), {
      sessionId: 's',
      version: 5,
      moves: [{ participantId: ME, groupId: G2, fromGroupId: G1 }],
      activities: [activity('board-g2', G2, 2)],
    });
    expect(next.me.groupId).toBe(G2);
    expect(next.activities.map((a) => a.id)).toEqual(['plenary', 'board-g2']);
  });

  it('keeps the newest synthesis when an older save arrives late, and never duplicates a comment', () => {
    const newer = groupsPatchers['synthesis.updated']!(snapshot(), { sessionId: 's', version: 5, groupId: G1, synthesis: synthesis('Nouveau', '2026-01-01T11:00:00.000Z') });
    const stale = groupsPatchers['synthesis.updated']!(newer, { sessionId: 's', version: 5, groupId: G1, synthesis: synthesis('Ancien', '2026-01-01T10:30:00.000Z') });
    expect(groupsState(stale)!.details[0].synthesis.findings).toBe('Nouveau');
    const comment = { id: ME, groupId: G1, participantId: ME, authorName: 'Alice', body: 'Oui', createdAt: '2026-01-01T11:00:00.000Z' };
    const once = groupsPatchers['synthesis.commented']!(stale, { sessionId: 's', version: 5, groupId: G1, comment });
    const twice = groupsPatchers['synthesis.commented']!(once, { sessionId: 's', version: 5, groupId: G1, comment });
    expect(groupsState(twice)!.details[0].comments).toHaveLength(1);
  });
});
