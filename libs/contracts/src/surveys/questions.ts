import { z } from 'zod';
import { plainText, text } from '../common';
import { Gender, MemberCategory, TerritoryType } from '../enums';
import { MAJORITY_GRADES, SURVEY_LIMITS } from '../limits';

export { MAJORITY_GRADES, SURVEY_LIMITS };

export const QuestionType = z.enum(['single', 'multiple', 'ranking', 'points', 'scale', 'majority', 'yesno', 'text']);
export type QuestionType = z.infer<typeof QuestionType>;

export const GradeCount = z.union([z.literal(6), z.literal(7)]).describe('Number of grades of the majority-judgment scale');
export type GradeCount = z.infer<typeof GradeCount>;

// Option ids become keys of ballot records: short, plain, and never `__proto__`.
export const OptionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .refine((id) => id !== '__proto__')
  .describe('Stable option id (a UUID or a short slug)');

export const QuestionOption = z.object({ id: OptionId, label: text(1, SURVEY_LIMITS.optionLabelMax) });
export type QuestionOption = z.infer<typeof QuestionOption>;
const Options = z.array(QuestionOption).min(SURVEY_LIMITS.optionsMin).max(SURVEY_LIMITS.optionsMax);
const Count = z.number().int().nonnegative();

// ---- Question configurations ----

/**
 * Who may answer a question: `present`, everyone in the session; `verified`, roster members only
 * (personal invitation, or a roster name a facilitator confirmed). Absent: `verified` when the
 * session has a roster, `present` otherwise (resolveEligibility in libs/domain).
 */
export const Eligibility = z.enum(['present', 'verified']);
export type Eligibility = z.infer<typeof Eligibility>;
const WHO = { eligibility: Eligibility.optional().describe('Who may answer; absent: verified members when the session has a roster, everyone present otherwise') };

export const SingleChoiceConfig = z.object({ ...WHO, type: z.literal('single'), options: Options });
export const MultipleChoiceConfig = z.object({
  type: z.literal('multiple'),
  ...WHO,
  options: Options,
  minSelections: z.number().int().min(1).describe('Fewest options a ballot selects'),
  maxSelections: z.number().int().min(1).describe('Most options a ballot selects'),
});
export const RankingConfig = z.object({
  type: z.literal('ranking'),
  ...WHO,
  options: Options,
  topK: z.number().int().min(1).optional().describe('Rank only the k preferred options; absent ranks them all'),
  prefill: z
    .literal('shuffled')
    .optional()
    .describe('Start each member from a complete ranking in an order of their own; absent, the ballot starts unranked'),
});
export const PointsConfig = z.object({
  type: z.literal('points'),
  ...WHO,
  options: Options,
  budget: z.number().int().min(1).max(SURVEY_LIMITS.pointsBudgetMax).describe('Points each member spreads (e.g. 100)'),
});
export const ScaleConfig = z.object({
  type: z.literal('scale'),
  ...WHO,
  max: z.number().int().min(SURVEY_LIMITS.scaleMaxMin).max(SURVEY_LIMITS.scaleMaxMax).describe('Scale runs 1..max'),
  minLabel: text(1, 60).optional().describe('Label of 1, e.g. « Pas du tout d’accord »'),
  maxLabel: text(1, 60).optional().describe('Label of max, e.g. « Tout à fait d’accord »'),
});
export const MajorityConfig = z.object({ ...WHO, type: z.literal('majority'), options: Options, gradeCount: GradeCount });
export const YesNoConfig = z.object({ ...WHO, type: z.literal('yesno') });
export const TextConfig = z.object({ ...WHO, type: z.literal('text') });

export type SingleChoiceConfig = z.infer<typeof SingleChoiceConfig>;
export type MultipleChoiceConfig = z.infer<typeof MultipleChoiceConfig>;
export type RankingConfig = z.infer<typeof RankingConfig>;
export type PointsConfig = z.infer<typeof PointsConfig>;
export type ScaleConfig = z.infer<typeof ScaleConfig>;
export type MajorityConfig = z.infer<typeof MajorityConfig>;
export type YesNoConfig = z.infer<typeof YesNoConfig>;
export type TextConfig = z.infer<typeof TextConfig>;

const CONFIGS = [
  SingleChoiceConfig, MultipleChoiceConfig, RankingConfig, PointsConfig,
  ScaleConfig, MajorityConfig, YesNoConfig, TextConfig,
] as const;
type AnyConfig = z.infer<(typeof CONFIGS)[number]>;
// Fails to compile when QuestionType and the configurations drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: Same<AnyConfig['type'], QuestionType> = true;
void sameTypes;

export interface QuestionIssue { path: (string | number)[]; message: string }

/** Rules spanning several fields; the web form shows the same messages before sending. */
export function questionIssues(q: AnyConfig): QuestionIssue[] {
  const issues: QuestionIssue[] = [];
  if ('options' in q) {
    const ids = new Set<string>();
    const labels = new Set<string>();
    q.options.forEach((o, i) => {
      if (ids.has(o.id)) issues.push({ path: ['options', i, 'id'], message: 'Duplicate option id' });
      const label = o.label.toLocaleLowerCase('fr');
      if (labels.has(label)) issues.push({ path: ['options', i, 'label'], message: 'Duplicate option label' });
      ids.add(o.id);
      labels.add(label);
    });
  }
  if (q.type === 'multiple') {
    if (q.minSelections > q.maxSelections) issues.push({ path: ['minSelections'], message: 'minSelections exceeds maxSelections' });
    if (q.maxSelections > q.options.length) issues.push({ path: ['maxSelections'], message: 'maxSelections exceeds the number of options' });
  }
  if (q.type === 'ranking' && q.topK !== undefined && q.topK > q.options.length) {
    issues.push({ path: ['topK'], message: 'topK exceeds the number of options' });
  }
  return issues;
}

function refineQuestion(q: AnyConfig, ctx: z.core.$RefinementCtx<AnyConfig>) {
  for (const issue of questionIssues(q)) ctx.addIssue({ code: 'custom', ...issue });
}

/** A question as stored and sent to voters (its prompt lives beside it). */
export const QuestionConfig = z.discriminatedUnion('type', [...CONFIGS]).superRefine(refineQuestion);
export type QuestionConfig = z.infer<typeof QuestionConfig>;

const Prompt = text(1, SURVEY_LIMITS.promptMax).describe('The question as read by members');

/**
 * What a facilitator sends to create a question or to replace it while the survey is a draft.
 * Edits send the whole draft: cross-field rules (min ≤ max ≤ options) cannot be checked on a patch.
 */
export const QuestionDraft = z
  .discriminatedUnion('type', [
    SingleChoiceConfig.extend({ prompt: Prompt }),
    MultipleChoiceConfig.extend({ prompt: Prompt }),
    RankingConfig.extend({ prompt: Prompt }),
    PointsConfig.extend({ prompt: Prompt }),
    ScaleConfig.extend({ prompt: Prompt }),
    MajorityConfig.extend({ prompt: Prompt }),
    YesNoConfig.extend({ prompt: Prompt }),
    TextConfig.extend({ prompt: Prompt }),
  ])
  .superRefine(refineQuestion);
export type QuestionDraft = z.infer<typeof QuestionDraft>;

// ---- Ballots ----
// Shapes and payload bounds only: the rules that depend on the question (known ids, budget,
// range, text length) are checked by validateBallot in libs/domain, which answers a precise code.

const OptionIds = z.array(OptionId).max(SURVEY_LIMITS.optionsMax);
const OptionRecord = <T extends z.ZodType>(value: T) =>
  z.record(OptionId, value).refine((r) => Object.keys(r).length <= SURVEY_LIMITS.optionsMax, 'Too many options');

export const SingleBallot = z.object({ type: z.literal('single'), optionId: OptionId });
export const MultipleBallot = z.object({ type: z.literal('multiple'), optionIds: OptionIds });
export const RankingBallot = z.object({
  type: z.literal('ranking'),
  ranking: OptionIds.describe('Option ids, best first; all options, or exactly topK'),
});
export const PointsBallot = z.object({
  type: z.literal('points'),
  allocation: OptionRecord(z.number().int().min(0).max(SURVEY_LIMITS.pointsBudgetMax)).describe('Points per option id; missing ids get 0'),
});
export const ScaleBallot = z.object({ type: z.literal('scale'), value: z.number().int().describe('1..max') });
export const MajorityBallot = z.object({
  type: z.literal('majority'),
  grades: OptionRecord(z.number().int()).describe('Grade index per option id, 0 = best; every option is graded'),
});
export const YesNoChoice = z.enum(['yes', 'no', 'abstain']);
export type YesNoChoice = z.infer<typeof YesNoChoice>;
export const YesNoBallot = z.object({ type: z.literal('yesno'), choice: YesNoChoice });
export const TextBallot = z.object({
  type: z.literal('text'),
  text: plainText().max(1_000).describe(`Short answer, at most ${SURVEY_LIMITS.textAnswerMax} characters once trimmed`),
});

export type SingleBallot = z.infer<typeof SingleBallot>;
export type MultipleBallot = z.infer<typeof MultipleBallot>;
export type RankingBallot = z.infer<typeof RankingBallot>;
export type PointsBallot = z.infer<typeof PointsBallot>;
export type ScaleBallot = z.infer<typeof ScaleBallot>;
export type MajorityBallot = z.infer<typeof MajorityBallot>;
export type YesNoBallot = z.infer<typeof YesNoBallot>;
export type TextBallot = z.infer<typeof TextBallot>;

export const BallotValue = z.discriminatedUnion('type', [
  SingleBallot, MultipleBallot, RankingBallot, PointsBallot,
  ScaleBallot, MajorityBallot, YesNoBallot, TextBallot,
]);
export type BallotValue = z.infer<typeof BallotValue>;

// ---- Results ----

export const ResultMethod = z.enum(['count', 'borda', 'points', 'scale', 'majority_judgment', 'word_frequency']);
export type ResultMethod = z.infer<typeof ResultMethod>;

const Percent = z.number().min(0).describe('Percentage, rounded to 0.1');
const Rank = z.number().int().min(1).describe('1 = first; tied options share a rank (1, 1, 3)');
const ResultsBase = {
  ballots: Count.describe('Valid ballots counted'),
  present: Count.nullable().describe('Members present when given, for turnout and percentages of those present'),
};
const OptionCount = z.object({
  optionId: OptionId,
  count: Count,
  percent: Percent.describe('Of ballots'),
  percentOfPresent: Percent.nullable().describe('Of members present; null when unknown'),
  rank: Rank,
});

const countResults = <T extends 'single' | 'multiple'>(type: T) =>
  z.object({
    type: z.literal(type),
    method: z.literal('count'),
    ...ResultsBase,
    options: z.array(OptionCount).describe('Most chosen first'),
  });
export const SingleResults = countResults('single');
export const MultipleResults = countResults('multiple');

export const RankingResults = z.object({
  type: z.literal('ranking'),
  method: z.literal('borda'),
  ...ResultsBase,
  topK: z.number().int().nullable(),
  options: z
    .array(z.object({
      optionId: OptionId,
      score: Count.describe('Borda: n-1 points for a first place … 0 for last or unranked'),
      meanRank: z.number().nullable().describe('Mean position (1 = first) among ballots that ranked it'),
      rankedBy: Count.describe('Ballots that ranked it (all of them without topK)'),
      rank: Rank,
    }))
    .describe('Highest score first'),
});

export const PointsResults = z.object({
  type: z.literal('points'),
  method: z.literal('points'),
  ...ResultsBase,
  budget: Count,
  totalPoints: Count.describe('All points allocated'),
  options: z
    .array(z.object({
      optionId: OptionId,
      total: Count,
      share: Percent.describe('Of all points allocated'),
      mean: z.number().describe('Points per ballot'),
      rank: Rank,
    }))
    .describe('Most points first'),
});

export const ScaleResults = z.object({
  type: z.literal('scale'),
  method: z.literal('scale'),
  ...ResultsBase,
  max: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable().describe('Mean of the two middle values when the count is even'),
  distribution: z.array(z.object({ value: z.number().int(), count: Count, percent: Percent })).describe('Values 1..max'),
});

export const MajorityResults = z.object({
  type: z.literal('majority'),
  method: z.literal('majority_judgment'),
  ...ResultsBase,
  gradeCount: GradeCount,
  options: z
    .array(z.object({
      optionId: OptionId,
      distribution: z.array(Count).describe('Ballots per grade index, 0 = best'),
      majorityGrade: z.number().int().nullable().describe('Lower median grade index; null without ballots'),
      better: Percent.describe('Share of grades strictly better than the majority grade'),
      worse: Percent.describe('Share of grades strictly worse than the majority grade'),
      rank: Rank,
    }))
    .describe('Majority-judgment order, best first'),
});

export const YesNoResults = z.object({
  type: z.literal('yesno'),
  method: z.literal('count'),
  ...ResultsBase,
  expressed: Count.describe('Yes + no (suffrages exprimés)'),
  choices: z.array(z.object({
    choice: YesNoChoice,
    count: Count,
    percent: Percent.describe('Of ballots'),
    percentOfPresent: Percent.nullable(),
    percentOfExpressed: Percent.nullable().describe('Of yes + no; null for abstain'),
  })),
});

export const TextResults = z.object({
  type: z.literal('text'),
  method: z.literal('word_frequency'),
  ...ResultsBase,
  words: z
    .array(z.object({
      word: z.string().describe('The word as shown: its most frequent spelling'),
      count: Count.describe('Answers containing the word'),
      spellings: z.array(z.string()).describe('Every spelling counted as this word (case and accents aside), most frequent first'),
    }))
    .describe(`Top ${SURVEY_LIMITS.wordCloudTop}, most frequent first`),
});

export const QuestionResults = z.discriminatedUnion('type', [
  SingleResults, MultipleResults, RankingResults, PointsResults,
  ScaleResults, MajorityResults, YesNoResults, TextResults,
]);
export type QuestionResults = z.infer<typeof QuestionResults>;
export type SingleResults = z.infer<typeof SingleResults>;
export type MultipleResults = z.infer<typeof MultipleResults>;
export type RankingResults = z.infer<typeof RankingResults>;
export type PointsResults = z.infer<typeof PointsResults>;
export type ScaleResults = z.infer<typeof ScaleResults>;
export type MajorityResults = z.infer<typeof MajorityResults>;
export type YesNoResults = z.infer<typeof YesNoResults>;
export type TextResults = z.infer<typeof TextResults>;

// ---- Charts ----

export const ChartLayout = z.enum(['bars', 'merit_profile', 'words']);
export type ChartLayout = z.infer<typeof ChartLayout>;
export const ChartScore = z.enum(['votes', 'borda_points', 'points', 'answers']);
export type ChartScore = z.infer<typeof ChartScore>;

/**
 * What a results chart plots, the same on the projector and in every export: each method's own
 * score (Borda points, points given, votes, answers containing a word), or the majority-judgment
 * merit profile (one stacked bar of grades per option). Built by `resultChart` in libs/domain.
 */
export const ResultChart = z.object({
  type: QuestionType,
  method: ResultMethod,
  layout: ChartLayout.describe('bars: one bar per item; merit_profile: one stacked bar of grades per option; words: a word cloud'),
  score: ChartScore.describe('What a bar’s value counts'),
  max: Count.describe('The value a full-width bar stands for (at least 1): the largest bar, or the ballots for a merit profile'),
  bars: z
    .array(z.object({
      key: z.string().describe('Option id, yes / no / abstain, scale value or word'),
      label: z.string().describe('What the bar is named on the chart'),
      value: Count.describe('The method’s score for this item'),
      rank: z.number().int().min(1).nullable().describe('Place in the method’s order; null where the order is not a ranking (yes/no, scale values)'),
      majorityGrade: z.number().int().nullable().describe('Merit profile only: the majority grade index (0 = best)'),
      segments: z.array(Count).nullable().describe('Merit profile only: ballots per grade, best grade first'),
    }))
    .describe('In display order'),
  gradeCount: GradeCount.nullable().describe('Merit profile only'),
  mean: z.number().nullable().describe('Scale only'),
  median: z.number().nullable().describe('Scale only'),
});
export type ResultChart = z.infer<typeof ResultChart>;

// ---- Breakdown by territory type, category and gender ----

export const BreakdownCell = z.discriminatedUnion('hidden', [
  z.object({ hidden: z.literal(false), voters: Count, results: QuestionResults }),
  z.object({
    hidden: z.literal(true),
    reason: z.enum(['small_cell', 'complementary']).describe('Too few voters, or hidden so that a small cell cannot be deduced by subtraction'),
    voters: z.string().nullable().describe('« <5 » for a small cell, never its count'),
  }),
]);
export type BreakdownCell = z.infer<typeof BreakdownCell>;

export const QuestionBreakdown = z.object({
  minCell: z.number().int().min(1),
  territoryType: z.record(TerritoryType, BreakdownCell),
  category: z.record(MemberCategory, BreakdownCell),
  gender: z.record(Gender, BreakdownCell),
});
export type QuestionBreakdown = z.infer<typeof QuestionBreakdown>;
