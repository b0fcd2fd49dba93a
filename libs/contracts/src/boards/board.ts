import { z } from 'zod';
import { Uuid, text } from '../common';
import { BOARD_LIMITS } from '../limits';
import { Eligibility } from '../surveys/questions';

export { BOARD_LIMITS };

export const ModerationMode = z.enum(['post', 'pre']).describe('post: visible at once, can be hidden; pre: a queue the facilitators approve or reject');
export type ModerationMode = z.infer<typeof ModerationMode>;

export const SupportMode = z.enum(['single', 'dots']).describe('single: one support per member per idea; dots: N dots per member per board');
export type SupportMode = z.infer<typeof SupportMode>;

/** Board activity state (in activity.state): members see it once open; locked is read-only. */
export const BoardState = z.enum(['draft', 'open', 'locked']);
export type BoardState = z.infer<typeof BoardState>;

export const IdeaStatus = z.enum(['visible', 'pending', 'hidden', 'rejected', 'merged', 'withdrawn']);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

export const ColumnId = z.string().regex(/^[a-z0-9-]{1,40}$/).describe('Stable column key inside one board');

export const BoardColumn = z.object({ id: ColumnId, title: text(1, BOARD_LIMITS.columnTitle) });
export type BoardColumn = z.infer<typeof BoardColumn>;

const BoardSettingsShape = {
  moderation: ModerationMode,
  supportMode: SupportMode,
  dotsPerMember: z.number().int().min(1).max(BOARD_LIMITS.dotsPerMember).describe('Dots each member may spend on this board (dots mode)'),
  dotsPerIdeaMax: z.number().int().min(1).max(BOARD_LIMITS.dotsPerMember).describe('Most dots one member may put on one idea (dots mode)'),
  supportsHidden: z.boolean().describe('Support counts hidden from members until the facilitator reveals them'),
  anonymousAllowed: z.boolean().describe('Members may post an idea without their name'),
  supportEligibility: Eligibility.nullable().describe('Who may support ideas; null: verified members when the session has a roster, everyone present otherwise'),
};

/** `config` of `activity.create` for kind `board`. Column ids are derived from titles when omitted. */
export const BoardConfig = z
  .object({
    columns: z
      .array(z.object({ id: ColumnId.optional(), title: text(1, BOARD_LIMITS.columnTitle) }).strict())
      .min(1)
      .max(BOARD_LIMITS.columns)
      .default([{ title: 'Idées' }])
      .describe('Columns; one « Idées » column when omitted (the facilitator can change them later)'),
    moderation: BoardSettingsShape.moderation.default('post'),
    supportMode: BoardSettingsShape.supportMode.default('single'),
    dotsPerMember: BoardSettingsShape.dotsPerMember.default(5),
    dotsPerIdeaMax: BoardSettingsShape.dotsPerIdeaMax.default(1),
    supportsHidden: BoardSettingsShape.supportsHidden.default(false),
    anonymousAllowed: BoardSettingsShape.anonymousAllowed.default(false),
    supportEligibility: BoardSettingsShape.supportEligibility.default(null),
  })
  .strict();
export type BoardConfig = z.infer<typeof BoardConfig>;
export type BoardConfigInput = z.input<typeof BoardConfig>;

/** `board.settings`: every field optional; columns replace the list (ids keep ideas in place). */
export const BoardSettingsPatch = {
  columns: z.array(z.object({ id: ColumnId.optional(), title: text(1, BOARD_LIMITS.columnTitle) }).strict()).min(1).max(BOARD_LIMITS.columns).optional(),
  moderation: BoardSettingsShape.moderation.optional(),
  supportMode: BoardSettingsShape.supportMode.optional(),
  dotsPerMember: BoardSettingsShape.dotsPerMember.optional(),
  dotsPerIdeaMax: BoardSettingsShape.dotsPerIdeaMax.optional(),
  supportsHidden: BoardSettingsShape.supportsHidden.optional(),
  anonymousAllowed: BoardSettingsShape.anonymousAllowed.optional(),
  supportEligibility: BoardSettingsShape.supportEligibility.optional(),
};

export const BoardView = z.object({
  activityId: Uuid,
  state: BoardState,
  columns: z.array(BoardColumn),
  ...BoardSettingsShape,
});
export type BoardView = z.infer<typeof BoardView>;

/** One idea as everybody allowed to see it sees it (no support counts: see SupportCount). */
export const IdeaView = z.object({
  id: Uuid,
  activityId: Uuid,
  columnId: ColumnId,
  title: z.string(),
  body: z.string(),
  status: IdeaStatus,
  anonymous: z.boolean(),
  authorId: Uuid.nullable().describe('Null when posted anonymously'),
  authorName: z.string().nullable().describe('Null when posted anonymously'),
  pinned: z.boolean(),
  editedByStaff: z.boolean().describe('Shown as « modifié par l’animation »'),
  locked: z.boolean().describe('A facilitator acted on it: the author can no longer edit or withdraw it'),
  reason: z.string().nullable().describe('Why it was hidden or rejected (author and staff only receive such ideas)'),
  tags: z.array(z.string()),
  cluster: z.string().nullable(),
  mergedInto: Uuid.nullable(),
  mergedFrom: z.array(z.object({ id: Uuid, title: z.string() })).describe('Ideas merged into this one (the originals stay viewable)'),
  createdAt: z.string(),
  rev: z.number().int().describe('Per-idea revision: a client ignores an update older than what it has'),
});
export type IdeaView = z.infer<typeof IdeaView>;

export const CommentView = z.object({
  id: Uuid,
  ideaId: Uuid,
  parentId: Uuid.nullable().describe('One level of replies: a reply never has replies'),
  authorId: Uuid,
  authorName: z.string(),
  body: z.string().describe('Empty once deleted'),
  deleted: z.boolean(),
  edited: z.boolean(),
  createdAt: z.string(),
});
export type CommentView = z.infer<typeof CommentView>;

export const SupportCount = z.object({
  ideaId: Uuid,
  supports: z.number().int().describe('Supports (single) or dots (dots mode)'),
  supporters: z.number().int().describe('Distinct members'),
});
export type SupportCount = z.infer<typeof SupportCount>;

export const MySupports = z.object({
  supports: z.array(z.object({ ideaId: Uuid, dots: z.number().int() })).describe('My supports (single mode: dots is 1)'),
  dotsLeft: z.number().int().nullable().describe('Dots mode only'),
});
export type MySupports = z.infer<typeof MySupports>;

/** One board in the snapshot, as the actor may see it. */
export const BoardSnapshot = z.object({
  board: BoardView,
  ideas: z.array(IdeaView),
  comments: z.array(CommentView),
  counts: z.array(SupportCount).nullable().describe('Null while supports are hidden from this actor'),
  mine: MySupports.extend({ ideaIds: z.array(Uuid).describe('Ideas I posted (anonymous ones included)') }),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;

/** `snapshot.features.boards`. */
export const BoardsFeature = z.object({
  blocked: z.boolean().describe('The facilitators suspended my contributions'),
  boards: z.record(z.string(), BoardSnapshot).describe('By activity id'),
});
export type BoardsFeature = z.infer<typeof BoardsFeature>;

export const SimilarIdea = z.object({ id: Uuid, title: z.string(), columnId: ColumnId, score: z.number() });
export type SimilarIdea = z.infer<typeof SimilarIdea>;

export const SupportResult = z.object({ ideaId: Uuid, count: SupportCount.nullable(), mine: MySupports });
export type SupportResult = z.infer<typeof SupportResult>;
