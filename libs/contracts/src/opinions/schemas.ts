import { z } from 'zod';
import { Uuid } from '../common';

/** Limits of the opinion map (« carte des opinions »). */
export const OPINIONS_LIMITS = { textMax: 280, promoteMax: 50 } as const;

/** Settings of an opinion map. */
export const OpinionsConfig = z
  .object({
    consensusThreshold: z.number().min(0.5).max(0.95).default(0.6).describe('Agreement share needed in every group and overall for a consensus statement'),
    memberStatements: z.enum(['off', 'pre', 'post']).default('pre').describe('Members may propose statements: off, pre (wait for approval) or post (visible at once, may be hidden)'),
  })
  .strict();
export type OpinionsConfig = z.infer<typeof OpinionsConfig>;

export const OpinionVote = z.enum(['agree', 'disagree', 'pass']);
export type OpinionVote = z.infer<typeof OpinionVote>;

export const OpinionStatementStatus = z.enum(['pending', 'visible', 'rejected', 'hidden']);
export type OpinionStatementStatus = z.infer<typeof OpinionStatementStatus>;

export const OpinionStatementView = z.object({
  id: Uuid,
  activityId: Uuid,
  text: z.string(),
  status: OpinionStatementStatus,
  origin: z.enum(['facilitator', 'member', 'idea']).describe('Written by the staff, proposed by a member, or promoted from an idea board'),
  createdAt: z.string().describe('ISO timestamp'),
});
export type OpinionStatementView = z.infer<typeof OpinionStatementView>;

const Share = z.number().min(0).max(1);

/** What everybody may see of the map: dots without names or ids, groups, consensus and divisive statements. */
export const OpinionMapView = z.object({
  activityId: Uuid,
  members: z.number().int().nonnegative().describe('Members placed on the map'),
  answers: z.number().int().nonnegative(),
  points: z.array(z.object({ x: z.number(), y: z.number(), group: z.number().int().nonnegative() })).describe('One dot per placed member, in no meaningful order'),
  groups: z.array(z.object({
    index: z.number().int().nonnegative(),
    size: z.number().int().nonnegative(),
    representative: z.array(z.object({ statementId: Uuid, direction: z.enum(['agree', 'disagree']), share: Share, othersShare: Share })),
  })),
  consensus: z.array(z.object({ statementId: Uuid, direction: z.enum(['agree', 'disagree']), share: Share, groupShares: z.array(Share) })),
  divisive: z.array(z.object({ statementId: Uuid, spread: z.number(), groupNet: z.array(z.number()) })),
  lenses: z.array(z.object({
    dimension: z.enum(['category', 'gender', 'territoryType', 'presence']),
    cells: z.array(z.union([
      z.object({ value: z.string(), hidden: z.literal(false), members: z.number().int() }),
      z.object({ value: z.string(), hidden: z.literal(true), reason: z.literal('small_cell'), members: z.string() }),
      z.object({ value: z.string(), hidden: z.literal(true), reason: z.literal('complementary'), members: z.null() }),
    ])),
    comparable: z.boolean(),
    consensus: z.array(z.object({ statementId: Uuid, direction: z.enum(['agree', 'disagree']), cellShares: z.array(Share) })),
  })).describe('Consensus across the assembly’s categories; cells under 5 members hidden (the surveys’ breakdown rule)'),
  silhouette: z.number().nullable(),
});
export type OpinionMapView = z.infer<typeof OpinionMapView>;

/** How many statements a phone is told per opinion group, and of the consensus. */
export const OPINION_AGREEMENTS_LIMITS = { perGroup: 3, consensus: 5 } as const;

/**
 * What a phone needs of a map (libs/domain `opinionAgreements`): per opinion group its size and
 * the statements it agrees with most, and the strongest consensus statements. Statement ids only:
 * the phone has the statements' text. A few hundred bytes, whatever the map's size.
 */
export const OpinionAgreements = z.object({
  members: z.number().int().nonnegative().describe('Members placed on the map'),
  groups: z.array(z.object({
    index: z.number().int().nonnegative(),
    size: z.number().int().nonnegative(),
    agreesMost: z.array(z.object({ statementId: Uuid, share: Share })).max(OPINION_AGREEMENTS_LIMITS.perGroup)
      .describe('The statements the group agrees with most (its representative and consensus statements it agrees with), highest share first'),
  })),
  consensus: z.array(z.object({ statementId: Uuid, direction: z.enum(['agree', 'disagree']), share: Share })).max(OPINION_AGREEMENTS_LIMITS.consensus)
    .describe('The strongest consensus statements, highest overall share first'),
});
export type OpinionAgreements = z.infer<typeof OpinionAgreements>;

/** One opinion map as the caller may see it. */
export const OpinionsActivityView = z.object({
  settings: OpinionsConfig,
  statements: z.array(OpinionStatementView).describe('Members: visible statements and their own pending ones; staff: all'),
  map: OpinionMapView.nullable().describe('The last computed map, for the staff and the screens (null before the first answer, and always null for members)'),
  agreements: OpinionAgreements.nullable().describe('What the phones show of the last map (null before the first answer)'),
  myAnswers: z.record(Uuid, OpinionVote),
  next: Uuid.nullable().describe('The statement to answer next: unanswered by the caller, fewest answers first'),
  myGroup: z.number().int().nullable().describe('The caller’s opinion group on the last map'),
});
export type OpinionsActivityView = z.infer<typeof OpinionsActivityView>;

/** Snapshot part `features.opinions`: the opinion maps the caller may read, by activity id. */
export const OpinionsSnapshot = z.object({ activities: z.record(Uuid, OpinionsActivityView) });
export type OpinionsSnapshot = z.infer<typeof OpinionsSnapshot>;

export const OpinionAnswerResult = z.object({
  statementId: Uuid,
  vote: OpinionVote,
  next: Uuid.nullable().describe('The statement to answer next (fewest answers first), null when all are answered'),
});
export type OpinionAnswerResult = z.infer<typeof OpinionAnswerResult>;
