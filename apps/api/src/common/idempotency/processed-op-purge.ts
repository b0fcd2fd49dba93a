import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { isDatabaseUnavailable } from '../errors/app-error';
import { processedOpRepository } from './processed-op.repository';

/** How often each node purges. Every node does: the delete is idempotent and cheap when nothing is due. */
export const PURGE_EVERY_MS = 60 * 60_000;
/** Rows deleted per statement, so that a first purge of a large table never holds long locks. */
const PURGE_CHUNK = 5_000;

/**
 * `processed_op` keeps each command's opId and stored result so that a resent command is
 * answered, not applied twice (docs/decisions.md §3). Once a session is sealed no command of it
 * can be sent again, so its rows are deleted `processedOpRetentionDays` after the seal
 * (PROCESSED_OP_RETENTION_DAYS, 7 by default): at start-up, then every hour.
 */
@Injectable()
export class ProcessedOpPurge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ProcessedOpPurge');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.scheduled();
    this.timer = setInterval(() => void this.scheduled(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Deletes the rows of sessions sealed more than the retention ago; returns how many. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.processedOpRetentionDays * 24 * 3600_000);
    let total = 0;
    for (;;) {
      const deleted = await processedOpRepository.purgeSealedBefore(this.db.manager, cutoff, PURGE_CHUNK);
      total += deleted;
      if (deleted < PURGE_CHUNK) return total;
    }
  }

  private async scheduled(): Promise<void> {
    if (this.running) return;
    this.running = this.purge();
    try {
      const purged = await this.running;
      if (purged > 0) this.logger.log(`purged ${purged} processed operations of sessions sealed more than ${this.config.processedOpRetentionDays} days ago`);
    } catch (error) {
      // The next run tries again; an outage is reported by the database logger.
      if (!isDatabaseUnavailable(error)) this.logger.warn(`processed operations not purged: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }
}
