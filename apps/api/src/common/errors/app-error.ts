import { ErrorBody, ErrorCode, errorMessage, type Locale } from '@palabre/contracts';

/** The only error Palabre throws on purpose: a code from the contracts, mapped to HTTP and acks. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(code);
  }

  toBody(locale: Locale = 'fr'): ErrorBody {
    return { code: this.code, message: errorMessage(this.code, locale), ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** PostgreSQL / pg driver failures that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/**
 * TypeORM's errors for a statement sent on a query runner it has released. Palabre's statements run
 * on runners it does not release itself before they end (transactions, DataSource queries), so a
 * released runner means its connection's `error` event fired: the server ended the connection between
 * two statements (a restart, pg_terminate_backend) and the next one, or the COMMIT, found it gone.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** The one place that decides whether a failure is a database outage (retried) rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: socket errors are made by Node's own realm (they fail that test under jest's VM).
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: { code?: unknown }; errors?: unknown };
  if (typeof e.name === 'string' && RELEASED_RUNNER.has(e.name)) return true;
  const code = e.code ?? e.driverError?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // Connecting to a name with several addresses fails with an AggregateError of per-address errors.
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isDatabaseUnavailable)) return true;
  return typeof e.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|the database system is (starting up|shutting down|in recovery mode)/i.test(e.message);
}

/** Turn anything thrown into an AppError; unknown failures become INTERNAL (and are logged by the caller). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE');
  return new AppError('INTERNAL');
}
