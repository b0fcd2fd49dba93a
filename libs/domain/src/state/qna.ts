import { QNA_PUBLIC_STATUSES, type QnaQuestionStatus } from '@palabre/contracts';
import type { Transitions } from './machine';

/**
 * Life of a question to the floor. `merged` is terminal: the duplicate stays as a trail.
 * Only one question per Q&A is `answering` at a time (enforced by the use case).
 */
export const QNA_QUESTION_TRANSITIONS: Transitions<QnaQuestionStatus> = {
  pending: ['visible', 'rejected', 'merged'],
  visible: ['hidden', 'merged', 'answering', 'answered'],
  hidden: ['visible', 'merged'],
  rejected: ['visible'],
  merged: [],
  answering: ['visible', 'answered', 'hidden'],
  answered: ['answering', 'hidden', 'visible'],
};

/** The moderation commands and the status each leads to. */
export const QNA_MODERATION_TARGET = {
  'qna.approve': 'visible',
  'qna.reject': 'rejected',
  'qna.hide': 'hidden',
  'qna.restore': 'visible',
  'qna.markAnswering': 'answering',
  'qna.markAnswered': 'answered',
} as const satisfies Record<string, QnaQuestionStatus>;

/** Where each moderation command may start from (restore is not "un-answer", approve is not restore). */
export const QNA_MODERATION_FROM: Record<keyof typeof QNA_MODERATION_TARGET, readonly QnaQuestionStatus[]> = {
  'qna.approve': ['pending'],
  'qna.reject': ['pending'],
  'qna.hide': ['visible', 'answering', 'answered'],
  'qna.restore': ['hidden', 'rejected'],
  'qna.markAnswering': ['visible', 'answered'],
  'qna.markAnswered': ['visible', 'answering'],
};

const PUBLIC: readonly QnaQuestionStatus[] = QNA_PUBLIC_STATUSES;

/** Members and screens see only these; pending, hidden, rejected and merged stay with the staff. */
export function isPublicQuestion(status: QnaQuestionStatus): boolean {
  return PUBLIC.includes(status);
}

/** Upvotes are accepted on questions still open for discussion. */
export function isVotable(status: QnaQuestionStatus): boolean {
  return status === 'visible' || status === 'answering';
}

/** A duplicate can be folded into a question the room can see. */
export function canMerge(from: QnaQuestionStatus, into: QnaQuestionStatus): boolean {
  return QNA_QUESTION_TRANSITIONS[from].includes('merged') && PUBLIC.includes(into);
}
