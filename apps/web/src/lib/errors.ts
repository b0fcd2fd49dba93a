import { ERRORS } from '@palabre/contracts/meta';
import type { ErrorBody, ErrorCode, Locale } from '@palabre/contracts';

/** Failures that happen before any server answer; their messages live in common.json (errors.*). */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE';

/**
 * Any refusal or failure, from REST or from a socket ack.
 * `message` is the server's (already localised) text; empty for client-side codes.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly status: number,
    readonly issues?: ErrorBody['issues'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(body: ErrorBody, status: number): ApiError {
    return new ApiError(body.code, body.message, status, body.issues);
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}

/** Reads `{ code, message, issues? }` defensively: the network edge is untrusted. */
export function parseErrorBody(value: unknown): ErrorBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, message, issues } = value as Record<string, unknown>;
  if (!isErrorCode(code)) return null;
  return {
    code,
    message: typeof message === 'string' ? message : '',
    issues: Array.isArray(issues) ? (issues as ErrorBody['issues']) : undefined,
  };
}

/** Tokens that no longer open the session: the user must join or sign in again. */
const ACCESS_LOST: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'INVITATION_INVALID']);

export function isAccessLost(error: unknown): boolean {
  return error instanceof ApiError && ACCESS_LOST.has(error.code);
}

/**
 * The text to show for an error: the server's localised message when there is one,
 * else the contracts' message for the code, else the client catalogue (`translate`).
 */
export function errorText(error: unknown, locale: Locale, translate: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (isErrorCode(error.code)) return ERRORS[error.code][locale];
    return translate(`errors.${error.code}`);
  }
  return translate('errors.UNEXPECTED');
}
