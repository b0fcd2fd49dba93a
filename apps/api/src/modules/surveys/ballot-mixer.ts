import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { BallotValue } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/db/transaction';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ballotsRepository } from './ballots.repository';

/** An anonymous ballot waiting to be mixed: what was voted and its commitment, never who voted. */
export interface MixEntry {
  questionId: string;
  commitment: string;
  value: BallotValue;
}

interface Waiting extends MixEntry {
  /** Resolves with `replaced` once the batch holding the ballot is committed. */
  resolve(replaced: boolean): void;
  reject(error: unknown): void;
}

interface Pool {
  items: Waiting[];
  timer?: NodeJS.Timeout;
}

/** Fisher-Yates with the operating system's randomness: the order of a batch says nothing. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Writes anonymous ballots apart from their receipts (docs/decisions.md, "Secret ballots"). Ballots of one
 * question wait in a pool until it holds `anonMixBatch` (k) of them or `anonMixWindowMs` after
 * the first arrived; then one transaction deletes the rows they replace and up to k − n random
 * ballots already cast (padding), and inserts them all again in a random order with fresh
 * random ids. So every batch is at least k rows (or every ballot, while fewer were cast), and
 * the rows of a batch cannot be told apart. The mixer is never given a participant.
 *
 * When a question closes, `shuffleAtClose` rewrites all its ballots once, in the close's
 * transaction, in a fresh random order: the whole question becomes the anonymity set.
 */
@Injectable()
export class BallotMixer implements OnModuleDestroy {
  private readonly logger = new Logger('BallotMixer');
  private readonly pools = new Map<string, Pool>();
  /** One flush at a time per question on this node (a change then lands after the ballot it changes). */
  private readonly flushing = new Map<string, Promise<void>>();
  readonly k: number;
  readonly windowMs: number;
  /** Counters for tests and diagnostics. */
  readonly stats = { flushes: 0, ballots: 0, padding: 0 };

  constructor(
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.k = config.anonMixBatch;
    this.windowMs = config.anonMixWindowMs;
  }

  /** Resolves with `replaced` once durable; rejects with VOTING_CLOSED if the question closed first. */
  add(entry: MixEntry): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const pool = this.pools.get(entry.questionId) ?? { items: [] };
      this.pools.set(entry.questionId, pool);
      pool.items.push({ ...entry, resolve, reject });
      if (pool.items.length >= this.k) this.flush(entry.questionId);
      else pool.timer ??= setTimeout(() => this.flush(entry.questionId), this.windowMs);
    });
  }

  /** Ballots waiting on this node, all questions. */
  get waiting(): number {
    let n = 0;
    for (const pool of this.pools.values()) n += pool.items.length;
    return n;
  }

  private flush(questionId: string): void {
    const pool = this.pools.get(questionId);
    if (!pool) return;
    clearTimeout(pool.timer);
    this.pools.delete(questionId);
    const previous = this.flushing.get(questionId) ?? Promise.resolve();
    const next = previous.then(() => this.write(questionId, pool.items));
    this.flushing.set(questionId, next);
    void next.finally(() => {
      if (this.flushing.get(questionId) === next) this.flushing.delete(questionId);
    });
  }

  /** One batch; a failure other than the database being away is retried ballot by ballot (each padded to k). */
  private async write(questionId: string, items: Waiting[]): Promise<void> {
    try {
      const replaced = await this.transactions.run((tx) => this.mix(tx.manager, questionId, items));
      if (replaced === null) for (const item of items) item.reject(new AppError('VOTING_CLOSED'));
      else for (const item of items) item.resolve(replaced.has(item.commitment));
    } catch (error) {
      if (items.length === 1 || (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE')) {
        for (const item of items) item.reject(error);
        return;
      }
      this.logger.warn(`mixing batch of ${items.length} failed (${error instanceof AppError ? error.code : 'unexpected'}), writing its ballots one at a time`);
      for (const item of items) await this.write(questionId, [item]);
    }
  }

  /** The batch transaction; null when the question is no longer open (nothing written). */
  private async mix(m: EntityManager, questionId: string, items: Waiting[]): Promise<Set<string> | null> {
    // FOR SHARE: a close waits for this batch, or this batch sees it closed.
    const question = await ballotsRepository.shareQuestionState(m, questionId);
    if (question[0]?.state !== 'open') return null;
    const commitments = items.map((i) => i.commitment);
    const gone = await ballotsRepository.deleteCommitments(m, questionId, commitments);
    const padding = items.length < this.k ? await ballotsRepository.deletePadding(m, questionId, commitments, this.k - items.length) : [];
    const rows = shuffled([...items.map((i) => ({ commitment: i.commitment, value: i.value })), ...padding]);
    await ballotsRepository.insertAnonymous(m, questionId, rows);
    this.stats.flushes++;
    this.stats.ballots += items.length;
    this.stats.padding += padding.length;
    return new Set(gone.map((g) => g.commitment));
  }

  /**
   * At the close, in the close's transaction (the question row is held FOR UPDATE): every ballot
   * of the question rewritten once, in a fresh random order with fresh ids and one transaction id.
   */
  async shuffleAtClose(m: EntityManager, questionId: string): Promise<number> {
    const rows = await ballotsRepository.deleteAllAnonymous(m, questionId);
    if (rows.length === 0) return 0;
    await ballotsRepository.insertAnonymous(m, questionId, shuffled(rows));
    return rows.length;
  }

  /** Closing the app: the pools are written (or refused) before the database goes. */
  async onModuleDestroy(): Promise<void> {
    for (const questionId of [...this.pools.keys()]) this.flush(questionId);
    await Promise.allSettled([...this.flushing.values()]);
  }
}
