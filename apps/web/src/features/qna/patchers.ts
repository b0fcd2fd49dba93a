import type { QnaQuestionView, QnaSnapshot, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, type SnapshotPatchers } from '../../lib/patchers';

export const EMPTY_QNA: QnaSnapshot = { questions: [], myVotes: [], myQuestions: [], settings: {} };
const EMPTY = EMPTY_QNA;

function upsert(snapshot: SessionSnapshot, question: QnaQuestionView): SessionSnapshot {
  return patchFeature(snapshot, 'qna', (current = EMPTY) => ({
    ...current,
    questions: [...current.questions.filter((q) => q.id !== question.id), question],
  }));
}

function isStaff(snapshot: SessionSnapshot): boolean {
  return snapshot.me.role === 'facilitator' || snapshot.me.role === 'organiser';
}

/** How Q&A events change `snapshot.features.qna`. */
export const qnaPatchers: SnapshotPatchers = {
  'qna.question.created': (snapshot, { question }) => upsert(snapshot, question),
  'qna.question.updated': (snapshot, { question }) => upsert(snapshot, question),
  'qna.queue.updated': (snapshot, { question }) => upsert(snapshot, question),
  // Staff keep the question: they receive its new status through qna.queue.updated.
  'qna.question.removed': (snapshot, { questionId }) =>
    isStaff(snapshot)
      ? snapshot
      : patchFeature(snapshot, 'qna', (current = EMPTY) => ({ ...current, questions: current.questions.filter((q) => q.id !== questionId) })),
  'qna.votes.updated': (snapshot, { questionId, votes }) =>
    patchFeature(snapshot, 'qna', (current = EMPTY) => ({
      ...current,
      questions: current.questions.map((q) => (q.id === questionId ? { ...q, votes } : q)),
    })),
  'qna.settings.updated': (snapshot, { activityId, settings }) =>
    patchFeature(snapshot, 'qna', (current = EMPTY) => ({ ...current, settings: { ...current.settings, [activityId]: settings } })),
};

export type QnaSort = 'votes' | 'newest';

/** The questions of one Q&A, sorted; the one "en cours" first. */
export function sortQuestions(questions: readonly QnaQuestionView[], activityId: string, sort: QnaSort): QnaQuestionView[] {
  const rank = (q: QnaQuestionView) => (q.status === 'answering' ? 0 : q.status === 'answered' ? 2 : 1);
  return questions
    .filter((q) => q.activityId === activityId)
    .sort((a, b) => rank(a) - rank(b) || (sort === 'votes' ? b.votes - a.votes : 0) || b.createdAt.localeCompare(a.createdAt));
}
