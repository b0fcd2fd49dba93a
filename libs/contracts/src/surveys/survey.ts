import { z } from 'zod';
import { BallotParts, RollCallProgress } from '../channels/schemas';
import { Uuid } from '../common';
import { BallotValue, QuestionBreakdown, QuestionConfig, QuestionDraft, QuestionResults } from './questions';

/** Most questions in one survey: a workshop asks a handful, a template a few dozen at most. */
export const SURVEY_QUESTIONS_MAX = 50;

export const SurveyAnonymity = z
  .enum(['named', 'anonymous'])
  .describe('named: the ballot row names its voter; anonymous: who voted is stored apart from the ballot and cannot be linked to it');
export type SurveyAnonymity = z.infer<typeof SurveyAnonymity>;

export const ResultsVisibility = z
  .enum(['live', 'staff'])
  .describe('live: everyone sees results while voting; staff: only facilitators until the question is published');
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

export const SurveySettings = z.object({
  anonymity: SurveyAnonymity,
  resultsVisibility: ResultsVisibility,
  shuffle: z.boolean().describe('Show the options of each question in an order of its own to each member'),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

export const QuestionState = z.enum(['draft', 'open', 'closed', 'published']).describe('draft → open → closed → published; closed or published may reopen');
export type QuestionState = z.infer<typeof QuestionState>;

/** The survey's own state, shown in the agenda: derived from its questions. */
export const SurveyState = z.enum(['draft', 'open', 'closed', 'published']);
export type SurveyState = z.infer<typeof SurveyState>;

export const QuestionView = z.object({
  id: Uuid,
  activityId: Uuid,
  position: z.number().int(),
  prompt: z.string(),
  config: QuestionConfig,
  state: QuestionState,
  openedAt: z.string().nullable().describe('ISO time it last opened'),
  closedAt: z.string().nullable().describe('ISO time it last closed'),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const SurveyView = z.object({
  activityId: Uuid,
  settings: SurveySettings,
  questions: z.array(QuestionView).describe('In order; members never receive draft questions'),
});
export type SurveyView = z.infer<typeof SurveyView>;

/** Live turnout and, when the viewer may see them, the results of one question. Always a full tally. */
export const LiveResults = z.object({
  activityId: Uuid,
  questionId: Uuid,
  state: QuestionState,
  ballots: z.number().int().nonnegative().describe('Members who voted on this question'),
  present: z.number().int().nonnegative().describe('Members present: connected now while open, frozen at the close'),
  results: QuestionResults.nullable().describe('Null when results are hidden from this viewer (staff-only until published)'),
  parts: BallotParts.optional().describe('Ballots by channel (device, proxy, assisted, paper); their sum is `ballots`'),
  paper: QuestionResults.nullable().optional().describe('The paper part alone, tallied (same visibility as `results`); absent without paper ballots'),
  rollCall: RollCallProgress.optional().describe('Roll call (« appel nominal ») under way or done on this question: members called out of the roll'),
});
export type LiveResults = z.infer<typeof LiveResults>;

/** `snapshot.features.surveys`. */
export const SurveysFeature = z.object({
  surveys: z.record(Uuid, SurveyView).describe('Visible survey activities by activity id'),
  myBallots: z.record(Uuid, BallotValue).describe('My current ballot per question id (anonymous ones too: only the server key links them)'),
  results: z.record(Uuid, LiveResults).describe('Turnout and visible results per non-draft question id'),
});
export type SurveysFeature = z.infer<typeof SurveysFeature>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { anonymity: 'named', resultsVisibility: 'live', shuffle: false };

/** `config` of `activity.create` for kind `survey`. */
export const SurveyCreateConfig = z
  .object({
    anonymity: SurveyAnonymity.default('named'),
    resultsVisibility: ResultsVisibility.default('live'),
    shuffle: z.boolean().default(false),
    questions: z.array(QuestionDraft).max(SURVEY_QUESTIONS_MAX).default([]).describe('Draft questions to start with'),
  })
  .strict();
export type SurveyCreateConfig = z.infer<typeof SurveyCreateConfig>;

/** GET results of one question: the tally and, for named surveys of roster members, the breakdown. */
export const QuestionResultsResponse = LiveResults.extend({
  breakdown: QuestionBreakdown.nullable().describe('By territory type, category, gender; null for anonymous surveys (a profile would re-identify voters)'),
});
export type QuestionResultsResponse = z.infer<typeof QuestionResultsResponse>;

export const SurveyTemplate = z.object({
  id: Uuid,
  name: z.string(),
  settings: SurveySettings,
  questions: z.array(QuestionDraft),
  createdAt: z.string(),
});
export type SurveyTemplate = z.infer<typeof SurveyTemplate>;

/** What the voter gets back once the ballot is committed: never the ballot itself (acks are stored with the voter id). */
export const BallotReceipt = z.object({
  activityId: Uuid,
  questionId: Uuid,
  replaced: z.boolean().describe('True when this ballot replaced an earlier one'),
});
export type BallotReceipt = z.infer<typeof BallotReceipt>;

/** One ballot of an anonymous question as the sealed archive publishes it: no voter, no time. */
export const BallotBoardEntry = z.object({
  commitment: z.string().describe('SHA-256 commitment to the voter device\'s question secret (libs/domain `ballotCommitment`)'),
  receipt: z.string().describe('The receipt code shown to the voter: `receiptCode(commitment)`'),
  value: BallotValue,
});
export type BallotBoardEntry = z.infer<typeof BallotBoardEntry>;

/** The ballot board of one anonymous question: every ballot counted, ordered by commitment (a random order). */
export const BallotBoardQuestion = z.object({
  activityId: Uuid,
  activityTitle: z.string(),
  questionId: Uuid,
  prompt: z.string(),
  config: QuestionConfig,
  present: z.number().int().nullable(),
  ballots: z.array(BallotBoardEntry),
});
export type BallotBoardQuestion = z.infer<typeof BallotBoardQuestion>;

export const PublicBallotBoard = z.object({
  session: z.object({ title: z.string(), date: z.string() }),
  sealedAt: z.string(),
  digest: z.string().describe('The seal digest: the SHA-256 of the archived record, which holds these boards'),
  questions: z.array(BallotBoardQuestion),
});
export type PublicBallotBoard = z.infer<typeof PublicBallotBoard>;
