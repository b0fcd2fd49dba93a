import { z } from 'zod';
import { Uuid } from '../common';
import { QNA_LIMITS } from '../limits';

export { QNA_LIMITS };
export { QNA_PUBLIC_STATUSES } from './statuses';

/** Settings of a Q&A activity ("Échange avec la présidente"). */
export const QnaConfig = z
  .object({
    anonymousAllowed: z.boolean().default(true).describe('Members may ask without their name'),
    moderation: z.enum(['pre', 'post']).default('post').describe('pre: a question waits for approval; post: it is visible at once and may be hidden'),
  })
  .strict();
export type QnaConfig = z.infer<typeof QnaConfig>;

/** `qna.configure`: the settings to change; the others stay as they are. */
export const QnaSettingsPatch = {
  anonymousAllowed: z.boolean().optional().describe('Members may ask without their name'),
  moderation: z.enum(['pre', 'post']).optional().describe('pre: questions wait for approval; post: visible at once'),
};

export const QnaQuestionStatus = z.enum(['pending', 'visible', 'hidden', 'rejected', 'merged', 'answering', 'answered']);
export type QnaQuestionStatus = z.infer<typeof QnaQuestionStatus>;

export const QnaQuestionView = z.object({
  id: Uuid,
  activityId: Uuid,
  text: z.string(),
  anonymous: z.boolean(),
  authorName: z.string().nullable().describe('Null when asked anonymously: nobody, staff included, sees the author'),
  status: QnaQuestionStatus,
  mergedInto: Uuid.nullable().describe('The question this duplicate was merged into'),
  votes: z.number().int().nonnegative().describe('Distinct upvoters (merges keep them, deduplicated)'),
  createdAt: z.string().describe('ISO timestamp'),
});
export type QnaQuestionView = z.infer<typeof QnaQuestionView>;

export const QnaVoteResult = z.object({
  questionId: Uuid,
  votes: z.number().int().nonnegative(),
  voted: z.boolean().describe('Whether the caller now supports the question'),
});
export type QnaVoteResult = z.infer<typeof QnaVoteResult>;

/** Snapshot part `features.qna`. */
export const QnaSnapshot = z.object({
  questions: z.array(QnaQuestionView).describe('Members: public statuses plus their own pending questions; staff: everything'),
  myVotes: z.array(Uuid).describe('Questions the caller upvoted'),
  myQuestions: z.array(Uuid).describe('Questions the caller asked'),
  settings: z.record(Uuid, QnaConfig).describe('Settings of each Q&A the caller may read, by activity id (the ask form offers anonymity only where allowed)'),
});
export type QnaSnapshot = z.infer<typeof QnaSnapshot>;
