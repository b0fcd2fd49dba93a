import { z } from 'zod';
import { Uuid, Versioned, text } from '../common';
import { QuestionDraft } from '../surveys/questions';
import { GROUP_LIMITS, SeedCard, SeedCardView, SynthesisCommentView, SynthesisContent, SynthesisView, WorkingGroupView } from '../rest/groups';
import { ActivitySummary } from '../rest/sessions';
import { command, event } from './define';

const Move = z.object({ participantId: Uuid, groupId: Uuid.nullable(), fromGroupId: Uuid.nullable() });
export const GroupMove = Move;
export type GroupMove = z.infer<typeof Move>;
const Moves = z.object({ moves: z.array(Move), groups: z.array(WorkingGroupView) });

/** Where starting cards come from: given texts, the top results of a plenary survey question, or chosen plenary ideas. */
export const SeedSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cards'), cards: z.array(SeedCard).min(1).max(GROUP_LIMITS.seedCardsMax) }),
  z.object({
    kind: z.literal('surveyTop'),
    surveyActivityId: Uuid,
    questionId: Uuid,
    count: z.number().int().min(1).max(GROUP_LIMITS.seedCardsMax).describe('How many top results, e.g. the three top themes'),
  }),
  z.object({ kind: z.literal('ideas'), ideaIds: z.array(Uuid).min(1).max(GROUP_LIMITS.seedCardsMax) }),
]);
export type SeedSource = z.infer<typeof SeedSource>;

export const GROUPS_COMMANDS = {
  'group.choose': command({ groupId: Uuid }, Moves, 'A member joins a group while the choice is open and the group has room.'),
  'group.assign': command({ participantId: Uuid, groupId: Uuid.nullable().describe('null takes the member out of every group') }, Moves, 'The facilitator places (or moves) one member.'),
  'group.autoAssign': command(
    {
      activityId: Uuid,
      seed: z.number().int().min(0).max(2 ** 31 - 1).describe('Same seed, same draw'),
      onlyUnplaced: z.boolean().default(false).describe('Keep members already placed; draw only the others'),
    },
    Moves,
    'Balanced draw of every member over the groups (territory types, categories, genders).',
  ),
  'group.update': command(
    { groupId: Uuid, name: text(1, 120).optional(), capacity: z.number().int().min(1).max(GROUP_LIMITS.capacityMax).optional() },
    WorkingGroupView,
    'Rename a group or change its capacity.',
  ),
  'group.setRapporteur': command({ groupId: Uuid, participantId: Uuid.nullable() }, WorkingGroupView, 'Choose the rapporteur among the group members.'),
  'group.setFacilitators': command({ groupId: Uuid, participantIds: z.array(Uuid).max(5) }, WorkingGroupView, 'Name the facilitators (staff) of a group.'),
  'group.seed': command(
    { groupId: Uuid, boardActivityId: Uuid.optional().describe("The group's board receiving the cards"), source: SeedSource },
    z.object({ cards: z.array(SeedCardView), onBoard: z.boolean().describe('true when a board took the cards; false when kept as group seed cards') }),
    "Push starting cards into a group's board, with their origin.",
  ),
  'synthesis.save': command(
    { groupId: Uuid, ...SynthesisContent.shape, submit: z.boolean().default(false).describe('Hand the draft to the facilitator for validation') },
    SynthesisView,
    "The rapporteur saves the group's synthesis (and may submit it).",
  ),
  'synthesis.comment': command({ groupId: Uuid, body: text(1, 1000) }, SynthesisCommentView, 'A group member comments on the draft synthesis.'),
  'synthesis.validate': command({ groupId: Uuid }, SynthesisView, "The facilitator validates a group's synthesis; it is then final."),
  'groups.start': command({ activityId: Uuid }, ActivitySummary, 'Start the working groups (members see their group, choosing opens).'),
  'groups.openReportBack': command({ activityId: Uuid }, z.object({ reportBackOpen: z.literal(true) }), "Open the report-back: every group's work becomes readable to all."),
  'groups.present': command({ groupId: Uuid.nullable() }, z.object({ presentedGroupId: Uuid.nullable() }), 'Show one group synthesis on the projector (null: cycle through them).'),
  'groups.createFinalSurvey': command(
    {
      activityId: Uuid,
      method: z.enum(['ranking', 'majority']).describe('ranking: rank all proposals; majority: majority judgment on each'),
      title: text(1, 160).default('Priorités finales'),
    },
    z.object({ activity: ActivitySummary, questions: z.array(QuestionDraft) }),
    "Turn the groups' proposals into a final plenary survey in one action.",
  ),
} as const;

const GroupScoped = Versioned.extend({ groupId: Uuid });

export const GROUPS_EVENTS = {
  'groups.updated': event(Versioned.extend({ activityId: Uuid, groups: z.array(WorkingGroupView) }), 'session', 'Groups, counts, rapporteurs or synthesis states changed.'),
  // Scoped facts are volatile: they carry the current version without bumping it, so that
  // a fact for one group or one member never makes everyone else see a version gap.
  'group.membersMoved': event(
    Versioned.extend({
      moves: z.array(Move),
      activities: z.array(ActivitySummary).optional().describe("To the moved member: their new group's activities"),
    }),
    'participant',
    'You (or, for staff, these members) changed group.',
    true,
  ),
  'synthesis.updated': event(GroupScoped.extend({ synthesis: SynthesisView }), 'group', "The group's synthesis was saved, submitted or validated.", true),
  'synthesis.commented': event(GroupScoped.extend({ comment: SynthesisCommentView }), 'group', 'A comment on the draft synthesis.', true),
  'group.seeded': event(GroupScoped.extend({ cards: z.array(SeedCardView) }), 'group', 'Starting cards were pushed into the group.', true),
  'groups.reportBackOpened': event(Versioned.extend({ activityId: Uuid }), 'session', "The report-back is open: refetch the snapshot to read every group's work."),
  'groups.presented': event(Versioned.extend({ presentedGroupId: Uuid.nullable() }), 'session', 'The projector shows this group synthesis (null: cycles).'),
} as const;
