import { z } from 'zod';
import { Uuid } from '../common';
import { AMENDMENT_LIMITS, SOCKET_MESSAGE_MAX_BYTES } from '../limits';

export { AMENDMENT_LIMITS, SOCKET_MESSAGE_MAX_BYTES };

/** Replace a line range, insert after a line, or delete a line range. */
export const AmendmentKind = z.enum(['replace', 'insert', 'delete']);
export type AmendmentKind = z.infer<typeof AmendmentKind>;

/** Pre-moderation: filed (awaiting), admissible, inadmissible, withdrawn by its author. */
export const AmendmentStatus = z.enum(['filed', 'admissible', 'inadmissible', 'withdrawn']);
export type AmendmentStatus = z.infer<typeof AmendmentStatus>;

export const AmendmentFate = z.enum(['adopted', 'rejected', 'fallen']);
export type AmendmentFate = z.infer<typeof AmendmentFate>;

export const TextFormat = z.enum(['markdown', 'plain']);
export type TextFormat = z.infer<typeof TextFormat>;

/** Settings of a text put to amendment (activity kind `amendments`). */
export const AmendmentsConfig = z
  .object({
    source: z.string().max(AMENDMENT_LIMITS.sourceMax).default('').describe('The text, one line a line, paragraphs separated by a blank line (Markdown or plain)'),
    format: TextFormat.default('markdown'),
    deadline: z.iso.datetime({ offset: true }).nullable().default(null).describe('No amendment is filed after it (null: until the text closes)'),
    anonymity: z.enum(['named', 'anonymous']).default('named').describe('How the votes on amendments and on the whole text are cast (the companion survey’s setting)'),
  })
  .strict();
export type AmendmentsConfig = z.infer<typeof AmendmentsConfig>;

export const TextLineView = z.object({
  n: z.number().int().positive().describe('Line number as tabled'),
  paragraph: z.number().int().positive(),
  text: z.string(),
});
export type TextLineView = z.infer<typeof TextLineView>;

export const VoteCounts = z.object({ yes: z.number().int().nonnegative(), no: z.number().int().nonnegative(), abstain: z.number().int().nonnegative() });
export type VoteCounts = z.infer<typeof VoteCounts>;

export const AmendmentView = z.object({
  id: Uuid,
  activityId: Uuid,
  number: z.number().int().positive().describe('Public number, in filing order'),
  parentId: Uuid.nullable().describe('The amendment a sub-amendment amends'),
  kind: AmendmentKind,
  from: z.number().int().nonnegative().describe('Replace/delete: first tabled line; insert: the line after which the wording goes (0: at the top)'),
  to: z.number().int().nonnegative().describe('Replace/delete: last tabled line; insert: equal to from'),
  wording: z.string().describe('The proposed wording (empty for a deletion)'),
  reason: z.string().describe('The author’s short reason (exposé des motifs)'),
  authorId: Uuid.nullable(),
  authorName: z.string(),
  groupName: z.string().nullable().describe('Filed in the name of this working group, by its rapporteur (the author)'),
  cosigners: z.array(z.object({ id: Uuid, name: z.string() })).describe('Members who co-signed (public, as in assemblies)'),
  status: AmendmentStatus,
  moderationReason: z.string().nullable().describe('Why it was declared inadmissible'),
  fate: AmendmentFate.nullable(),
  pinned: z.number().int().positive().nullable().describe('A facilitator’s place for it in its voting block'),
  questionId: Uuid.nullable().describe('The yes/no/abstain question of the companion survey while or after it is voted (ballot.cast answers it)'),
  voting: z.boolean().describe('Put to the vote now'),
  votes: VoteCounts.nullable().describe('Counted when the vote closed'),
});
export type AmendmentView = z.infer<typeof AmendmentView>;

export const VotingBlockView = z.object({
  key: z.string(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  order: z.array(Uuid).describe('Amendment ids in voting order (sub-amendments just before their amendment)'),
});

export const FinalVoteView = z.object({
  questionId: Uuid.nullable(),
  state: z.enum(['none', 'open', 'closed']),
  votes: VoteCounts.nullable(),
  adopted: z.boolean().nullable(),
});
export type FinalVoteView = z.infer<typeof FinalVoteView>;

/** A text put to amendment, as the caller may read it (members: admissible amendments and their own). */
export const AmendmentTextView = z.object({
  activityId: Uuid,
  surveyActivityId: Uuid.describe('The companion survey whose yes/no/abstain questions carry the votes'),
  anonymity: z.enum(['named', 'anonymous']),
  lines: z.array(TextLineView).describe('The text as tabled, numbered'),
  deadline: z.string().nullable(),
  open: z.boolean().describe('Amendments are accepted (the activity runs and the deadline has not passed)'),
  amendments: z.array(AmendmentView),
  blocks: z.array(VotingBlockView),
  final: FinalVoteView,
});
export type AmendmentTextView = z.infer<typeof AmendmentTextView>;

/**
 * A text's state as `amendments.updated` carries it: the tabled lines only while they may still
 * change (no amendment filed yet). Once frozen they are left out (a 20-page text sent to every
 * phone at each filing would be most of the traffic): keep the ones already read.
 */
export const AmendmentTextUpdate = AmendmentTextView.extend({ lines: AmendmentTextView.shape.lines.optional().describe('Absent once frozen: the lines already read stay true') });
export type AmendmentTextUpdate = z.infer<typeof AmendmentTextUpdate>;

/** Snapshot part `features.amendments`. */
export const AmendmentsSnapshot = z.object({
  texts: z.record(Uuid, AmendmentTextView).describe('Each text the caller may read, by activity id'),
});
export type AmendmentsSnapshot = z.infer<typeof AmendmentsSnapshot>;
