import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, IdeaView, SessionSnapshot } from '@palabre/contracts';
import { sortIdeas, topIdeas } from './model';
import { boardPatchers } from './patchers';

const A = '00000000-0000-4000-8000-00000000000a';
const idea = (id: string, over: Partial<IdeaView> = {}): IdeaView => ({
  id, activityId: A, columnId: 'gouvernance', title: `Idée ${id.slice(-1)}`, body: '', status: 'visible', anonymous: false, authorId: null, authorName: 'X',
  pinned: false, editedByStaff: false, locked: false, reason: null, tags: [], cluster: null, mergedInto: null, mergedFrom: [], createdAt: '2026-12-03T10:00:00.000Z', rev: 1, ...over,
});
const id1 = '00000000-0000-4000-8000-000000000001';
const id2 = '00000000-0000-4000-8000-000000000002';
const id3 = '00000000-0000-4000-8000-000000000003';

function board(ideas: IdeaView[]): BoardSnapshot {
  return {
    board: { activityId: A, state: 'open', columns: [{ id: 'gouvernance', title: 'Gouvernance' }], moderation: 'post', supportMode: 'single', dotsPerMember: 5, dotsPerIdeaMax: 1, supportsHidden: false, anonymousAllowed: false, supportEligibility: null },
    ideas,
    comments: [],
    counts: [{ ideaId: id1, supports: 1, supporters: 1 }, { ideaId: id2, supports: 4, supporters: 4 }],
    mine: { supports: [], dotsLeft: null, ideaIds: [] },
  };
}

function snapshot(b: BoardSnapshot): SessionSnapshot {
  return { version: 1, session: {} as SessionSnapshot['session'], me: { id: id3 } as SessionSnapshot['me'], activities: [], presence: { connected: 0 }, features: { boards: { blocked: false, boards: { [A]: b } } } };
}

describe('board model', () => {
  it('puts pinned ideas first, then the most supported, and keeps merged originals out of the cards', () => {
    const b = board([idea(id1, { pinned: true }), idea(id2), idea(id3, { status: 'merged', mergedInto: id2 })]);
    expect(sortIdeas(b, b.ideas, 'supported').map((i) => i.id)).toEqual([id1, id2]);
    expect(topIdeas(b).map((x) => [x.idea.id, x.supports])).toEqual([[id2, 4], [id1, 1]]);
  });

  it('ignores an idea update older than the one it has, and removes hidden ideas', () => {
    const s = snapshot(board([idea(id1, { rev: 3, title: 'Récent' })]));
    const stale = boardPatchers['idea.updated']!(s, { sessionId: A, version: 1, activityId: A, idea: idea(id1, { rev: 2, title: 'Ancien' }) });
    const get = (x: SessionSnapshot) => (x.features.boards as { boards: Record<string, BoardSnapshot> }).boards[A];
    expect(get(stale).ideas[0].title).toBe('Récent');
    const removed = boardPatchers['idea.removed']!(s, { sessionId: A, version: 1, activityId: A, ideaId: id1 });
    expect(get(removed).ideas).toEqual([]);
    const counted = boardPatchers['support.updated']!(s, { sessionId: A, version: 1, activityId: A, counts: [{ ideaId: id1, supports: 7, supporters: 7 }] });
    expect(get(counted).counts?.find((c) => c.ideaId === id1)?.supports).toBe(7);
  });
});
