import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * TypeORM's own logger prints a failed query with its parameters — password hashes, ballots,
 * whatever people wrote. This one says which statement failed and why, never with what values.
 * The driver's `detail` (which repeats the offending row or key) is left out for the same reason.
 * Like `logging: ['error']` before it, it reports failed queries only.
 */
export class QueryErrorLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`query failed: ${message} — ${query.slice(0, 500)}`);
  }

  logQuery(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
