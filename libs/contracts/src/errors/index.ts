import '../browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode as Code } from './catalogue';

export { defineErrors, type ErrorDefinition } from './define';
// The catalogue itself has no zod in it: the web app imports it through `@palabre/contracts/meta`.
export { ERRORS, ERROR_CODES, errorMessage, httpStatusOf, isRetryable } from './catalogue';

export type ErrorCode = Code;
export const ErrorCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

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
