import '../browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';
import { QuestionResultsResponse, SurveyTemplate } from '../surveys/survey';
import type { RouteDefinition } from './routes';

export const SURVEY_ROUTES: Record<'surveys.results' | 'surveys.templates', RouteDefinition> = {
  'surveys.results': {
    method: 'GET',
    path: '/api/sessions/:id/survey-questions/:questionId/results',
    auth: 'session',
    summary: 'Results of one question with the breakdown by territory type, category and gender (staff always; others once visible)',
    response: QuestionResultsResponse,
  },
  'surveys.templates': {
    method: 'GET',
    path: '/api/survey-templates',
    auth: 'staff',
    summary: "The signed-in staff account's survey templates, newest first",
    response: z.array(SurveyTemplate),
  },
};
