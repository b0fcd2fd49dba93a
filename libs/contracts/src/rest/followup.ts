import { z } from 'zod';
import { Uuid, plainText, text } from '../common';

/**
 * Follow-up (« droit de suite », issue #24): recommendations drawn from a sealed session's
 * outcomes, the Region's response and progress. They live beside the archive and point to it
 * (digest + item id); the archive itself is never modified.
 */

/**
 * Outcome kinds a recommendation can come from (readers in apps/api/src/modules/followup/outcome-items.ts):
 * an idea, a group's synthesis point, a survey result, an adopted amendment or text.
 */
export const OutcomeItemKind = z.enum(['idea', 'synthesis', 'survey', 'amendment']);
export type OutcomeItemKind = z.infer<typeof OutcomeItemKind>;

export const OutcomeItemRef = z.object({
  kind: OutcomeItemKind,
  activityId: Uuid.describe('Agenda item of the sealed record'),
  itemId: plainText().min(1).max(120).describe('idea id; « synthesis index.point index »; « table index.row index » of a survey result; « a.<number> » of an adopted amendment, « text » of an adopted text'),
});
export type OutcomeItemRef = z.infer<typeof OutcomeItemRef>;

/** What the sealed record says about the item, copied at creation (the record is read-only). */
export const OutcomeEvidence = z.object({
  sectionTitle: z.string(),
  text: z.string(),
  figure: z.string().nullable().describe('e.g. « 12 soutiens », « 1er — 412 points », the working group'),
  group: z.string().nullable().describe('Working group of a synthesis'),
});
export type OutcomeEvidence = z.infer<typeof OutcomeEvidence>;

export const OutcomeCandidate = z.object({ ref: OutcomeItemRef, evidence: OutcomeEvidence, supports: z.number().int().nullable() });
export type OutcomeCandidate = z.infer<typeof OutcomeCandidate>;

export const CandidatesQuery = z.object({
  minSupports: z.coerce.number().int().min(0).max(100_000).optional().describe('Ideas with at least this many supports (default 1)'),
});

export const ResponseDecision = z.enum(['accepted', 'partial', 'not_retained']);
export type ResponseDecision = z.infer<typeof ResponseDecision>;

/** pending: no answer yet; closed: not retained or abandoned. */
export const FollowUpStatus = z.enum(['pending', 'planned', 'in_progress', 'done', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Territories = z.array(text(1, 120)).max(60).describe('Territories (perimeters) concerned');
const Theme = text(1, 80).nullable().describe('Working group (theme) the recommendation belongs to');

export const CreateRecommendationBody = z.object({
  sessionId: Uuid.describe('A sealed session'),
  source: OutcomeItemRef,
  minSupports: z.number().int().min(0).max(100_000).default(1).describe('Threshold an idea must reach (its supports are checked against it)'),
  title: text(3, 200),
  body: text(0, 4000).default(''),
  theme: Theme.optional().describe('Defaults to the working group of a synthesis'),
  territories: Territories.default([]),
  deadline: IsoDate.nullable().default(null),
  assigneeId: Uuid.nullable().default(null).describe('A staff account of role instructor'),
});
export type CreateRecommendationBody = z.input<typeof CreateRecommendationBody>;

export const UpdateRecommendationBody = z
  .object({
    title: text(3, 200),
    body: text(0, 4000),
    theme: Theme,
    territories: Territories,
    deadline: IsoDate.nullable(),
    assigneeId: Uuid.nullable(),
    published: z.boolean(),
  })
  .partial();
export type UpdateRecommendationBody = z.infer<typeof UpdateRecommendationBody>;

export const RespondBody = z.object({
  decision: ResponseDecision,
  reasons: text(1, 4000),
  contractRef: text(1, 120).nullable().default(null).describe('Territorial contract reference (free text)'),
  territories: Territories.optional(),
});
export type RespondBody = z.input<typeof RespondBody>;

export const ProgressBody = z.object({
  date: IsoDate,
  status: FollowUpStatus.exclude(['pending']),
  percent: z.number().int().min(0).max(100),
  note: text(1, 2000),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const ProgressEntry = z.object({ date: z.string(), status: FollowUpStatus, percent: z.number().int(), note: z.string() });
export type ProgressEntry = z.infer<typeof ProgressEntry>;

export const RecommendationResponse = z.object({ decision: ResponseDecision, reasons: z.string(), at: z.string() });

export const HistoryEntry = z.object({ at: z.string(), type: z.string().describe('Audit link type, e.g. recommendation.answered') });

/** A recommendation as staff see it. */
export const Recommendation = z.object({
  id: Uuid,
  assemblyId: Uuid,
  session: z.object({ id: Uuid, title: z.string(), date: z.string(), joinCode: z.string() }),
  archiveDigest: z.string().describe('Digest of the sealed record the evidence comes from'),
  source: OutcomeItemRef,
  evidence: OutcomeEvidence,
  title: z.string(),
  body: z.string(),
  theme: z.string().nullable(),
  territories: z.array(z.string()),
  contractRef: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  assignee: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  published: z.boolean(),
  response: RecommendationResponse.nullable(),
  status: FollowUpStatus,
  percent: z.number().int(),
  progress: z.array(ProgressEntry),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const RecommendationListQuery = z.object({ sessionId: Uuid.optional(), assemblyId: Uuid.optional() });

export const InstructorAccount = z.object({ id: Uuid, displayName: z.string() });

/** Public: no assignee, no account, no participant; the evidence link only when the archive page is public. */
export const PublicRecommendation = Recommendation.omit({ assignee: true, published: true }).extend({
  evidenceUrl: z.string().nullable().describe('Public results page of the sealed session, at the activity'),
  history: z.array(HistoryEntry),
});
export type PublicRecommendation = z.infer<typeof PublicRecommendation>;

export const PublicFollowUp = z.object({
  assembly: z.object({ id: Uuid, name: z.string() }),
  themes: z.array(z.string()),
  territories: z.array(z.string()),
  recommendations: z.array(PublicRecommendation),
});
export type PublicFollowUp = z.infer<typeof PublicFollowUp>;

export const PublicFollowUpQuery = z.object({ theme: text(1, 80).optional(), territory: text(1, 120).optional() });

export const SubscribeBody = z.object({ email: z.email().max(254).transform((s) => s.toLowerCase()) });
export type SubscribeBody = z.input<typeof SubscribeBody>;

/** From the public page: a member who took part asks to follow the recommendations; a confirmation link is emailed. */
export const PublicSubscribeBody = z.object({
  email: z.email().max(254).transform((s) => s.toLowerCase()),
  consent: z.literal(true).describe('The member agreed to receive an email at each change (the form says so)'),
});
export type PublicSubscribeBody = z.input<typeof PublicSubscribeBody>;

/** The same answer whoever asks (no one learns whether an address is a member's). */
export const SubscriptionRequested = z.object({ requested: z.literal(true) });
export type SubscriptionRequested = z.infer<typeof SubscriptionRequested>;

/** A signed link from an email (confirm, or unsubscribe): works without signing in. */
export const SubscriptionTokenBody = z.object({ token: z.string().min(20).max(1000).regex(/^[\w-]+\.[\w-]+$/) });
export type SubscriptionTokenBody = z.input<typeof SubscriptionTokenBody>;

export const SubscriptionState = z.object({ assembly: z.object({ id: Uuid, name: z.string() }), subscribed: z.boolean() });
export type SubscriptionState = z.infer<typeof SubscriptionState>;

export const ReportQuery = z.object({
  format: z.enum(['pdf', 'docx']).default('pdf'),
  date: IsoDate.optional().describe('Any day of the quarter reported on (default: today)'),
});
