import '../browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';
import { QuestionVoters } from '../channels/schemas';
import { PublicBallotBoard, QuestionResultsResponse, SurveyTemplate } from '../surveys/survey';
import { route } from './route';

export const SURVEY_ROUTES = {
  ...route('surveys.results', {
    method: 'GET',
    path: '/api/sessions/:id/survey-questions/:questionId/results',
    auth: 'session',
    summary: 'Results of one question with the breakdown by territory type, category and gender (staff always; others once visible)',
    response: QuestionResultsResponse,
  }),
  ...route('surveys.voters', {
    method: 'GET',
    path: '/api/sessions/:id/survey-questions/:questionId/voters',
    auth: 'session',
    summary: 'Staff: the session members in roster order with whether and how (phone, proxy, paper, assisted) they voted on a question, never what; anonymous questions: only paper voters',
    response: QuestionVoters,
  }),
  ...route('surveys.templates', {
    method: 'GET',
    path: '/api/survey-templates',
    auth: 'staff',
    summary: "The signed-in staff account's survey templates, newest first",
    response: z.array(SurveyTemplate),
  }),
  ...route('surveys.ballotBoard', {
    method: 'GET',
    path: '/api/public/:code/ballot-board',
    auth: 'public',
    summary: 'The ballot boards of the anonymous questions of a sealed session its organiser published: find your receipt, recompute the tally (no account)',
    response: PublicBallotBoard,
  }),
};
