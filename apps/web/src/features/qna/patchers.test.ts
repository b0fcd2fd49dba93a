import { describe, expect, it } from 'vitest';
import type { QnaQuestionView, QnaSnapshot, SessionSnapshot } from '@palabre/contracts';
import { qnaPatchers, sortQuestions } from './patchers';

const activityId = '00000000-0000-4000-8000-00000000000a';
const question = (id: string, votes: number, status: QnaQuestionView['status'] = 'visible', createdAt = '2026-12-03T10:00:00.000Z'): QnaQuestionView => ({
  id, activityId, text: `Question ${id}`, anonymous: false, authorName: 'Alice', status, mergedInto: null, votes, createdAt,
});
const snapshotAs = (role: 'member' | 'facilitator', questions: QnaQuestionView[]): SessionSnapshot =>
  ({ version: 1, me: { role }, features: { qna: { questions, myVotes: [], myQuestions: [], settings: {} } } }) as unknown as SessionSnapshot;
const qnaOf = (s: SessionSnapshot) => s.features.qna as QnaSnapshot;

describe('Q&A snapshot patchers', () => {
  it('removes a hidden question from a member’s list but keeps it for the staff', () => {
    const payload = { sessionId: 's', version: 2, activityId, questionId: 'q1', mergedInto: null };
    expect(qnaOf(qnaPatchers['qna.question.removed']!(snapshotAs('member', [question('q1', 0)]), payload)).questions).toEqual([]);
    expect(qnaOf(qnaPatchers['qna.question.removed']!(snapshotAs('facilitator', [question('q1', 0)]), payload)).questions).toHaveLength(1);
  });

  it('applies a vote count as a full, idempotent value', () => {
    const payload = { sessionId: 's', version: 1, activityId, questionId: 'q1', votes: 4 };
    const once = qnaPatchers['qna.votes.updated']!(snapshotAs('member', [question('q1', 1)]), payload);
    expect(qnaOf(qnaPatchers['qna.votes.updated']!(once, payload)).questions[0].votes).toBe(4);
  });

  it('records the settings of a Q&A, replacing older ones', () => {
    const payload = (anonymousAllowed: boolean) => ({ sessionId: 's', version: 1, activityId, settings: { anonymousAllowed, moderation: 'pre' as const } });
    const once = qnaPatchers['qna.settings.updated']!(snapshotAs('member', []), payload(true));
    expect(qnaOf(qnaPatchers['qna.settings.updated']!(once, payload(false))).settings).toEqual({ [activityId]: { anonymousAllowed: false, moderation: 'pre' } });
  });

  it('sorts the question en cours first, then by votes or by newest', () => {
    const list = [question('a', 1, 'visible', '2026-12-03T10:00:00.000Z'), question('b', 5, 'visible', '2026-12-03T09:00:00.000Z'), question('c', 0, 'answering')];
    expect(sortQuestions(list, activityId, 'votes').map((q) => q.id)).toEqual(['c', 'b', 'a']);
    expect(sortQuestions(list, activityId, 'newest').map((q) => q.id)).toEqual(['c', 'a', 'b']);
  });
});
