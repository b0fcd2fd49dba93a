import { BOARD_ERRORS } from './boards';
import { AUTH_ERRORS, CORE_ERRORS, SESSION_ERRORS } from './core';
import { SURVEY_BALLOT_ERRORS, SURVEY_ERRORS } from './surveys';
import { OUTCOME_ERRORS } from './outcomes';
import type { ErrorDefinition } from './define';
import { AMENDMENT_ERRORS, FLOOR_ERRORS, QNA_ERRORS, ROOM_ERRORS } from './room';
import { GROUPS_ERRORS } from './groups';
import { FOLLOWUP_ERRORS } from './followup';
import { OPINIONS_ERRORS } from './opinions';
import { CHANNEL_ERRORS } from './channels';

/**
 * Every refusal Palabre can answer, over REST and over the socket.
 * A feature adds its own record here; its codes then exist in both apps.
 * No zod here (nor in the records): this module is part of the web's zod-free `meta` entry.
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
  ...FOLLOWUP_ERRORS,
  ...OPINIONS_ERRORS,
  ...FLOOR_ERRORS,
  ...CHANNEL_ERRORS,
  ...AMENDMENT_ERRORS,
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function errorMessage(code: ErrorCode, locale: 'fr' | 'en' = 'fr'): string {
  return ERRORS[code][locale];
}

export function httpStatusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

export function isRetryable(code: ErrorCode): boolean {
  return (ERRORS[code] as ErrorDefinition).retryable === true;
}
