import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/app-error';
import { reportDatabaseUnavailable } from '../common/errors/database-outage';

/**
 * TypeORM's own logger prints a failed query with its parameters — password hashes, ballots,
 * whatever people wrote. This one says which statement failed and why, never with what values.
 * The driver's `detail` (which repeats the offending row or key) is left out for the same reason.
 * Like `logging: ['error']` before it, it reports failed queries only; a statement that failed
 * because the database went away is part of an outage, reported once as a warning.
 */
export class QueryErrorLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQueryError(error: string | Error, query: string): void {
    if (isDatabaseUnavailable(error)) return reportDatabaseUnavailable(error);
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`query failed: ${message} — ${query.slice(0, 500)}`);
  }

  logQuery(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
