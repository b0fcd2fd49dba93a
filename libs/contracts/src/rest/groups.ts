import { z } from 'zod';
import { Uuid, plainText, text } from '../common';

/** The four thematic groups of the Assemblée des Territoires, proposed by default. */
export const DEFAULT_GROUP_NAMES = [
  'Attractivité et innovation',
  'Qualité de vie et innovation sociale',
  'Solidarités territoriales',
  'Territoires en transition durable',
] as const;

export const GROUP_LIMITS = { groupsMin: 2, groupsMax: 12, capacityMax: 500, proposalsMax: 10, seedCardsMax: 20 } as const;

export const GroupPlacement = z.enum(['choose', 'assign', 'auto']).describe('choose: members pick (capacity, closing time); assign: facilitator places (list or CSV); auto: balanced draw');
export type GroupPlacement = z.infer<typeof GroupPlacement>;

export const GroupDefinition = z.object({
  name: text(1, 120),
  capacity: z.number().int().min(1).max(GROUP_LIMITS.capacityMax).describe('Most members the group takes'),
});

/** Settings of a `groups` activity, given to `activity.create`. */
export const GroupsConfig = z
  .object({
    groups: z
      .array(GroupDefinition)
      .min(GROUP_LIMITS.groupsMin)
      .max(GROUP_LIMITS.groupsMax)
      .default(DEFAULT_GROUP_NAMES.map((name) => ({ name, capacity: 70 })))
      .describe('The groups, in display order; the four themes by default'),
    placement: GroupPlacement.default('choose'),
    choiceClosesAt: z.iso.datetime().optional().describe('When members can no longer choose (placement choose)'),
  })
  .strict();
export type GroupsConfig = z.infer<typeof GroupsConfig>;

export const SynthesisState = z.enum(['draft', 'submitted', 'validated']);
export type SynthesisState = z.infer<typeof SynthesisState>;

export const SynthesisContent = z.object({
  findings: plainText().trim().max(4000).describe('Key findings (constats)'),
  proposals: z.array(text(1, 200)).max(GROUP_LIMITS.proposalsMax).describe('Proposals, one per line; they feed the final survey'),
  disagreements: plainText().trim().max(4000).describe('Points of disagreement (points de désaccord)'),
});
export type SynthesisContent = z.infer<typeof SynthesisContent>;

export const SynthesisView = SynthesisContent.extend({ state: SynthesisState, updatedAt: z.string().nullable() });
export type SynthesisView = z.infer<typeof SynthesisView>;

export const SynthesisCommentView = z.object({
  id: Uuid,
  groupId: Uuid,
  participantId: Uuid,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type SynthesisCommentView = z.infer<typeof SynthesisCommentView>;

export const SeedOrigin = z.object({
  kind: z.enum(['survey', 'idea', 'text']).describe('Where the starting card comes from'),
  label: plainText().max(200).describe('Shown on the card, e.g. « Atelier 1 — thème classé 1er »'),
  sourceId: Uuid.optional().describe('The survey activity or idea it comes from'),
});
export type SeedOrigin = z.infer<typeof SeedOrigin>;

export const SeedCard = z.object({ title: text(1, 200), body: plainText().trim().max(2000).default(''), origin: SeedOrigin });
export type SeedCard = z.infer<typeof SeedCard>;

export const SeedCardView = SeedCard.extend({ id: Uuid, groupId: Uuid, createdAt: z.string() });
export type SeedCardView = z.infer<typeof SeedCardView>;

/** A group as everyone sees it (names, counts): members need it to choose. */
export const WorkingGroupView = z.object({
  id: Uuid,
  activityId: Uuid,
  name: z.string(),
  position: z.number().int(),
  capacity: z.number().int(),
  memberCount: z.number().int(),
  rapporteurParticipantId: Uuid.nullable(),
  facilitatorParticipantIds: z.array(Uuid),
  synthesisState: SynthesisState,
});
export type WorkingGroupView = z.infer<typeof WorkingGroupView>;

export const GroupMemberView = z.object({
  participantId: Uuid,
  displayName: z.string(),
  groupId: Uuid.nullable(),
  territoryType: z.string().nullable(),
  category: z.string().nullable(),
  gender: z.string().nullable(),
});
export type GroupMemberView = z.infer<typeof GroupMemberView>;

/** What the actor may read of one group: their own, every group for staff and screens, all after the report-back. */
export const GroupDetail = z.object({
  groupId: Uuid,
  members: z.array(z.object({ participantId: Uuid, displayName: z.string() })),
  synthesis: SynthesisView,
  comments: z.array(SynthesisCommentView),
  seedCards: z.array(SeedCardView).describe('Starting cards kept here while no board takes them'),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupsActivityView = z.object({
  activityId: Uuid,
  placement: GroupPlacement,
  choiceClosesAt: z.string().nullable(),
  groups: z.array(WorkingGroupView),
});
export type GroupsActivityView = z.infer<typeof GroupsActivityView>;

/** `features.groups` of the session snapshot. */
export const GroupsSnapshot = z.object({
  reportBackOpen: z.boolean(),
  presentedGroupId: Uuid.nullable().describe('Group whose synthesis the projector shows; null lets it cycle'),
  activities: z.array(GroupsActivityView),
  details: z.array(GroupDetail),
  roster: z.array(GroupMemberView).optional().describe('Staff only: every member with their attributes, for placement'),
});
export type GroupsSnapshot = z.infer<typeof GroupsSnapshot>;

export const GroupImportReport = z.object({
  assigned: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
});
export type GroupImportReport = z.infer<typeof GroupImportReport>;
