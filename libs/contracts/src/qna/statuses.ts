import type { QnaQuestionStatus } from './schemas';

// No zod here: part of the web's zod-free `meta` entry (libs/contracts/src/meta.ts).

/** Statuses a member (and a projector) may see; the rest is the staff's moderation queue and trail. */
export const QNA_PUBLIC_STATUSES = ['visible', 'answering', 'answered'] as const satisfies readonly QnaQuestionStatus[];
