import { Logger } from '@nestjs/common';

/**
 * A database outage (a restart, a failover, connections terminated by an administrator) is an
 * expected, retried event, not a bug: its commands are refused with the retryable
 * DATABASE_UNAVAILABLE and clients send them again with the same opId. It is logged as one
 * warning line, without a stack trace, at most once per window however many statements fail,
 * with the count of failures the window held back. The reason is the driver's own message
 * ("terminating connection due to administrator command", "connect ECONNREFUSED …"): never a value.
 */
export const OUTAGE_LOG_WINDOW_MS = 10_000;

const logger = new Logger('Database');
let lastLoggedAt = -Infinity;
let heldBack = 0;

export function reportDatabaseUnavailable(error: unknown, now = Date.now()): void {
  if (now - lastLoggedAt < OUTAGE_LOG_WINDOW_MS) {
    heldBack++;
    return;
  }
  const reason = typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : String(error);
  const more = heldBack > 0 ? ` (${heldBack} more failures since the last warning)` : '';
  logger.warn(`database unavailable: ${reason.slice(0, 200)}; refused with DATABASE_UNAVAILABLE, clients retry${more}`);
  lastLoggedAt = now;
  heldBack = 0;
}
