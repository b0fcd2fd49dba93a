import { z } from 'zod';
import { BOARD_ERRORS } from './boards';
import { AUTH_ERRORS, CORE_ERRORS, SESSION_ERRORS } from './core';
import { SURVEY_BALLOT_ERRORS, SURVEY_ERRORS } from './surveys';
import { OUTCOME_ERRORS } from './outcomes';
import type { ErrorDefinition } from './define';
import { QNA_ERRORS, ROOM_ERRORS } from './room';
import { GROUPS_ERRORS } from './groups';

export { defineErrors, type ErrorDefinition } from './define';

/**
 * Every refusal Palabre can answer, over REST and over the socket.
 * A feature adds its own record here; its codes then exist in both apps.
 */
export const ERRORS = {
  ...CORE_ERRORS,
  ...AUTH_ERRORS,
  ...SESSION_ERRORS,
  ...BOARD_ERRORS,
  ...SURVEY_BALLOT_ERRORS,
  ...SURVEY_ERRORS,
  ...OUTCOME_ERRORS,
  ...QNA_ERRORS,
  ...ROOM_ERRORS,
  ...GROUPS_ERRORS,
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];
export const ErrorCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

export function errorMessage(code: ErrorCode, locale: 'fr' | 'en' = 'fr'): string {
  return ERRORS[code][locale];
}

export function httpStatusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

export function isRetryable(code: ErrorCode): boolean {
  return (ERRORS[code] as ErrorDefinition).retryable === true;
}

export const ErrorIssue = z.object({
  path: z.string().describe('Dotted path of the offending field'),
  message: z.string(),
});

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string().describe('Human message in the caller locale (French by default)'),
  issues: z.array(ErrorIssue).optional().describe('Validation details, one per offending field'),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
