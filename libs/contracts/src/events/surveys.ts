import { z } from 'zod';
import { Uuid, Versioned, text } from '../common';
import { ActivitySummary } from '../rest/sessions';
import { BallotValue, QuestionDraft } from '../surveys/questions';
import { BallotReceipt, LiveResults, QuestionView, ResultsVisibility, SurveyAnonymity, SurveyView } from '../surveys/survey';
import { command, event } from './define';
import { SURVEY_BALLOT_ERRORS } from '../errors/surveys';

const SURVEY_BALLOT_CODES = Object.keys(SURVEY_BALLOT_ERRORS) as (keyof typeof SURVEY_BALLOT_ERRORS)[];

const questionId = { questionId: Uuid };
const activityId = { activityId: Uuid.describe('The survey activity') };

export const SURVEY_COMMANDS = {
  'survey.settings': { ...command(
    { ...activityId, anonymity: SurveyAnonymity.optional(), resultsVisibility: ResultsVisibility.optional(), shuffle: z.boolean().optional() },
    SurveyView,
    'Change anonymity (only while every question is a draft), results visibility or option shuffling.',
  ), errors: ['NOT_FOUND', 'SURVEY_SETTINGS_LOCKED'] },
  'survey.question.add': { ...command({ ...activityId, question: QuestionDraft }, QuestionView, 'Add a draft question at the end of the survey.'), errors: ['NOT_FOUND', 'SURVEY_TOO_MANY_QUESTIONS'] },
  'survey.question.update': { ...command({ ...questionId, question: QuestionDraft }, QuestionView, 'Replace a draft question (prompt, type, options).'), errors: ['NOT_FOUND', 'QUESTION_LOCKED'] },
  'survey.question.remove': { ...command(questionId, z.object(questionId), 'Remove a draft question.'), errors: ['NOT_FOUND', 'QUESTION_LOCKED'] },
  'survey.question.move': command(
    { ...questionId, position: z.number().int().min(0).max(500) },
    SurveyView,
    'Move a question to another place in its survey.',
  ),
  'survey.question.open': { ...command(questionId, QuestionView, 'Open a draft question to ballots.'), errors: ['NOT_FOUND', 'INVALID_TRANSITION'] },
  'survey.question.close': { ...command(questionId, QuestionView, 'Close an open question: no ballot commits after the close.'), errors: ['NOT_FOUND', 'INVALID_TRANSITION'] },
  'survey.question.publish': { ...command(questionId, QuestionView, 'Reveal the results of a closed question to everyone.'), errors: ['NOT_FOUND', 'INVALID_TRANSITION'] },
  'survey.question.reopen': { ...command(questionId, QuestionView, 'Open a closed or published question again; ballots cast stay.'), errors: ['NOT_FOUND', 'INVALID_TRANSITION'] },
  'survey.open': command(activityId, SurveyView, 'Open every draft question of the survey.'),
  'survey.close': command(activityId, SurveyView, 'Close every open question of the survey.'),
  'survey.publish': command(activityId, SurveyView, 'Publish every closed question of the survey.'),
  'survey.duplicate': command(
    { ...activityId, title: text(1, 160).optional().describe('Title of the copy; « (copie) » appended when omitted') },
    ActivitySummary,
    'Copy the survey (settings and questions as drafts, no ballots) to a new activity at the end of the agenda.',
  ),
  'survey.template.save': command(
    { ...activityId, name: text(1, 120) },
    z.object({ templateId: Uuid }),
    "Save the survey's settings and questions as a template of the signed-in staff account.",
  ),
  'ballot.cast': { ...command(
    {
      ...questionId,
      value: BallotValue,
      ballotSecret: z.string().regex(/^[0-9a-f]{64}$/).optional()
        .describe('Anonymous surveys only, required there: the question secret the device derives from its own random secret (libs/domain `questionSecret`). Never stored; the server keeps two unrelated hashes of it.'),
      forMemberId: Uuid.optional().describe('Cast for the member whose proxy I hold (participant id); omitted for my own ballot'),
    },
    BallotReceipt,
    'Cast or replace my ballot on an open question. A retry with the same opId is applied once. On an anonymous survey the ack comes once the mixing batch holding the ballot is committed.',
  ), errors: ['NOT_FOUND', 'SESSION_NOT_OPEN', 'QUESTION_NOT_OPEN', 'VOTING_CLOSED', 'BALLOT_NOT_CHANGEABLE', 'BALLOT_SECRET_REQUIRED', 'BALLOT_OTHER_DEVICE', 'BALLOT_CAST_ON_PAPER', 'BALLOT_CAST_IN_PERSON', 'PROXY_NOT_HELD', ...SURVEY_BALLOT_CODES] },
} as const;

export const SURVEY_EVENTS = {
  'survey.updated': event(
    Versioned.extend({ activityId: Uuid, survey: SurveyView }),
    'session',
    'Member-visible survey change (settings, a question opened, closed, published, reopened or moved). Draft questions are left out: keep the drafts you know.',
  ),
  'survey.drafts.updated': event(
    Versioned.extend({ activityId: Uuid, survey: SurveyView }),
    'staff',
    'Staff: the whole survey, drafts included, after any change. Volatile so members, who never see it, keep their version sequence.',
    true,
  ),
  'results.updated': event(
    Versioned.extend(LiveResults.shape),
    'session',
    'Turnout and (when visible to the room) the full tally of one question, after a ballot, a state change, or (open questions) a change in who is connected. Coalesced: at most 10 per second per question (4 in a room of 5,000).',
    true,
  ),
  'ballot.recorded': event(
    Versioned.extend({
      activityId: Uuid,
      questionId: Uuid,
      forMemberId: Uuid.optional().describe('A ballot I cast for a member whose proxy I hold'),
      value: BallotValue.optional().describe('Named surveys: the ballot recorded'),
      receipt: z.string().optional().describe('Anonymous surveys, instead of the value: the receipt code of the ballot (libs/domain `receiptCode`)'),
    }),
    'participant',
    "Your ballot was committed (lets your other devices show it). Sent to your own room only; on an anonymous survey it carries the receipt code, never the value.",
    true,
  ),
} as const;
