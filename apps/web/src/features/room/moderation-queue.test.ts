import { describe, expect, it } from 'vitest';
import type { ActivitySummary, BoardsFeature, IdeaView, QnaQuestionView, QnaSnapshot } from '@palabre/contracts';
import { moderationQueue } from './moderation-queue';

const BOARD = '00000000-0000-4000-8000-0000000000b1';
const GROUP_BOARD = '00000000-0000-4000-8000-0000000000b2';
const QNA = '00000000-0000-4000-8000-0000000000c1';
const activities: ActivitySummary[] = [
  { id: BOARD, kind: 'board', title: 'Atelier 2', position: 0, state: 'open', groupId: null },
  { id: GROUP_BOARD, kind: 'board', title: 'Groupe 1', position: 1, state: 'open', groupId: '00000000-0000-4000-8000-0000000000f1' },
  { id: QNA, kind: 'qna', title: 'Échange', position: 2, state: 'open', groupId: null },
];

const at = (minute: number) => `2026-12-03T10:${String(minute).padStart(2, '0')}:00.000Z`;
function idea(id: string, activityId: string, status: IdeaView['status'], minute: number, pinned = false): IdeaView {
  return {
    id, activityId, columnId: 'idees', title: `Idée ${id}`, body: '', status, anonymous: false, authorId: null, authorName: 'Alice', pinned,
    editedByStaff: false, locked: false, reason: null, tags: [], cluster: null, mergedInto: null, mergedFrom: [], createdAt: at(minute), rev: 1,
  };
}
function question(id: string, status: QnaQuestionView['status'], minute: number): QnaQuestionView {
  return { id, activityId: QNA, text: `Question ${id}`, anonymous: true, authorName: null, status, mergedInto: null, votes: 0, createdAt: at(minute) };
}
function boards(ideas: Record<string, IdeaView[]>): BoardsFeature {
  return {
    blocked: false,
    boards: Object.fromEntries(Object.entries(ideas).map(([id, list]) => [id, { board: {} as never, ideas: list, comments: [], counts: [], mine: { supports: [], dotsLeft: null, ideaIds: [] } }])),
  };
}
const qna = (questions: QnaQuestionView[]): QnaSnapshot => ({ questions, myVotes: [], myQuestions: [], settings: {} });

describe('moderation queue across activities', () => {
  it('gathers pending ideas of every board (groups included) and pending questions, oldest first', () => {
    const queue = moderationQueue(
      activities,
      boards({ [BOARD]: [idea('i1', BOARD, 'pending', 5), idea('i2', BOARD, 'visible', 1)], [GROUP_BOARD]: [idea('i3', GROUP_BOARD, 'pending', 1)] }),
      qna([question('q1', 'pending', 3), question('q2', 'visible', 4)]),
    );
    expect(queue.pending.map((i) => [i.kind, i.id, i.activityTitle])).toEqual([
      ['idea', 'i3', 'Groupe 1'],
      ['question', 'q1', 'Échange'],
      ['idea', 'i1', 'Atelier 2'],
    ]);
    expect(queue.pending[1].author).toBeNull();
  });

  it('lists hidden and refused items newest first, so the last hide is the first to undo', () => {
    const queue = moderationQueue(
      activities,
      boards({ [BOARD]: [idea('i1', BOARD, 'hidden', 1), idea('i2', BOARD, 'rejected', 7), idea('i3', BOARD, 'merged', 9), idea('i4', BOARD, 'withdrawn', 9)] }),
      qna([question('q1', 'hidden', 4), question('q2', 'merged', 8)]),
    );
    expect(queue.hidden.map((i) => i.id)).toEqual(['i2', 'q1', 'i1']);
  });

  it('keeps the five newest published ideas and questions, with their pin state', () => {
    const ideas = [1, 2, 3, 4, 5].map((m) => idea(`i${m}`, BOARD, 'visible', m, m === 5));
    const queue = moderationQueue(activities, boards({ [BOARD]: ideas }), qna([question('q1', 'answering', 6), question('q2', 'answered', 9)]));
    expect(queue.recent.map((i) => i.id)).toEqual(['q1', 'i5', 'i4', 'i3', 'i2']);
    expect(queue.recent[1].pinned).toBe(true);
  });

  it('ignores what belongs to no known activity, and copes with missing features', () => {
    const stray = '00000000-0000-4000-8000-0000000000ee';
    expect(moderationQueue(activities, boards({ [stray]: [idea('i1', stray, 'pending', 1)] }), undefined)).toEqual({ pending: [], hidden: [], recent: [] });
    expect(moderationQueue([], undefined, undefined)).toEqual({ pending: [], hidden: [], recent: [] });
  });
});
