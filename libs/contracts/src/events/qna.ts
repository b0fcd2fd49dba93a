import { z } from 'zod';
import { Uuid, Versioned, text } from '../common';
import { QNA_LIMITS, QnaConfig, QnaQuestionView, QnaSettingsPatch, QnaVoteResult } from '../qna/schemas';
import { command, event } from './define';

const Question = { questionId: Uuid };

export const QNA_COMMANDS = {
  'qna.ask': command(
    {
      activityId: Uuid,
      text: text(1, QNA_LIMITS.textMax).describe('The question, stored as written'),
      anonymous: z.boolean().default(false).describe('Ask without showing one’s name (only if the Q&A allows it)'),
    },
    QnaQuestionView,
    'Ask a question (pending under pre-moderation, visible at once under post-moderation).',
  ),
  'qna.upvote': command(Question, QnaVoteResult, 'Support a question; a second upvote is a no-op answering the same state.'),
  'qna.unvote': command(Question, QnaVoteResult, 'Withdraw one’s support; a no-op when not supporting.'),
  'qna.approve': command(Question, QnaQuestionView, 'Staff: publish a pending question.'),
  'qna.reject': command(Question, QnaQuestionView, 'Staff: refuse a pending question.'),
  'qna.hide': command(Question, QnaQuestionView, 'Staff: hide a published question.'),
  'qna.restore': command(Question, QnaQuestionView, 'Staff: publish again a hidden or rejected question.'),
  'qna.merge': command(
    { questionId: Uuid.describe('The duplicate'), intoId: Uuid.describe('The question kept') },
    z.object({ merged: QnaQuestionView, into: QnaQuestionView }),
    'Staff: merge a duplicate into another question; supporters are carried over, counted once.',
  ),
  'qna.markAnswering': command(Question, QnaQuestionView, 'Staff: mark the question "en cours" (one at a time per Q&A; the previous one returns to visible).'),
  'qna.markAnswered': command(Question, QnaQuestionView, 'Staff: mark the question answered.'),
  'qna.configure': command(
    { activityId: Uuid, ...QnaSettingsPatch },
    QnaConfig,
    'Staff: allow or forbid anonymous questions, choose pre- or post-moderation. Questions already asked keep their status.',
  ),
} as const;

export const QNA_EVENTS = {
  'qna.question.created': event(Versioned.extend({ question: QnaQuestionView }), 'session', 'A question was published as it was asked (post-moderation).'),
  'qna.question.updated': event(
    Versioned.extend({ question: QnaQuestionView }),
    'session',
    'A public question changed (approved, en cours, answered, restored, merged into, supporters carried over).',
  ),
  'qna.queue.updated': event(
    Versioned.extend({ question: QnaQuestionView }),
    'staff',
    'A question outside the public list was created or changed (pending, hidden, rejected, merged): staff only, and the author for their own pending question. Carries the current version without bumping it.',
    true,
  ),
  'qna.question.removed': event(
    Versioned.extend({ activityId: Uuid, questionId: Uuid, mergedInto: Uuid.nullable() }),
    'session',
    'A public question left the public list (hidden or merged). Staff clients ignore it: they get qna.question.updated.',
  ),
  'qna.votes.updated': event(
    Versioned.extend({ activityId: Uuid, questionId: Uuid, votes: z.number().int().nonnegative() }),
    'session',
    'Current upvote count of a question, coalesced (a full count: idempotent).',
    true,
  ),
  'qna.settings.updated': event(
    Versioned.extend({ activityId: Uuid, settings: QnaConfig }),
    'session',
    'A Q&A was created or its settings changed (to those who may read it). Volatile: a full state, idempotent.',
    true,
  ),
} as const;
