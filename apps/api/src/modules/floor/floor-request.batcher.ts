import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { CommandPayload, FloorRequestView } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { executeMany } from '../../common/commands/command-runner';
import { TransactionRunner } from '../../common/db/transaction';
import { FloorService } from './floor.service';

/** Requests written in one transaction at most: a burst is answered in a few steps, the first ones early. */
const MAX_BATCH = 100;
/** Requests waiting beyond this are refused at once (retryable) rather than held in memory. */
const MAX_QUEUED = 5_000;
/** How long closing the app waits for queued requests to be written. */
const DRAIN_ON_CLOSE_MS = 5_000;

type Ask = CommandPayload<'floor.request'>;

interface Pending {
  actor: ParticipantActor;
  payload: Ask;
  resolve(view: FloorRequestView): void;
  reject(error: unknown): void;
}

/**
 * The only write path of `floor.request` (issue #21: 250 members asking within ten seconds are
 * all acknowledged and ordered once). Every request locks its list and appends to the session's
 * audit chain, so one transaction per request queues them all behind each other — each holding a
 * pool connection, past the pool's 5 s wait. Here the requests that arrive while a batch is being
 * written wait in memory and are written together: one transaction (`executeMany`: opId claims,
 * the senders' rows, stored results), one lock per list, and each list ordered once for the whole
 * batch (FloorService.requestMany). One batch in flight at a time; a lone request is a batch of one.
 */
@Injectable()
export class FloorRequestBatcher implements OnModuleDestroy {
  private readonly logger = new Logger('FloorRequests');
  private queue: Pending[] = [];
  private running = false;
  private scheduled = false;
  private onIdle?: () => void;
  /** For tests and diagnostics: batches committed, their requests, the largest. */
  readonly stats = { batches: 0, commands: 0, largest: 0 };

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly floor: FloorService,
  ) {}

  /** Queue a validated command; resolves with the request as placed once committed, or rejects with its refusal. */
  request(actor: ParticipantActor, payload: Ask): Promise<FloorRequestView> {
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(new AppError('DATABASE_UNAVAILABLE'));
    return new Promise((resolve, reject) => {
      this.queue.push({ actor, payload, resolve, reject });
      this.schedule();
    });
  }

  /** Commands that arrive in the same turn of the event loop (or while a batch is written) join one batch. */
  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) await this.process(this.take());
    } finally {
      this.running = false;
      this.onIdle?.();
    }
  }

  /** The next batch in arrival order, one command per (participant, opId): a resend waits for the first's stored result. */
  private take(): Pending[] {
    const keys = new Set<string>();
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const item of this.queue) {
      const key = `${item.actor.participantId}:${item.payload.opId}`;
      if (batch.length >= MAX_BATCH || keys.has(key)) rest.push(item);
      else {
        keys.add(key);
        batch.push(item);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async process(batch: Pending[]): Promise<void> {
    let outcomes: Awaited<ReturnType<typeof executeMany<'floor.request'>>>;
    try {
      outcomes = await this.transactions.run((tx) => executeMany(tx, 'floor.request', batch, (t, admitted) => this.floor.requestMany(t, admitted)));
    } catch (error) {
      if (batch.length === 1 || (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE')) {
        for (const item of batch) item.reject(error);
        return;
      }
      // Anything unexpected: one bad command must not sink the others.
      this.logger.warn(`batch of ${batch.length} floor requests failed (${error instanceof AppError ? error.code : String(error)}), writing them one by one`);
      for (const item of batch) await this.process([item]);
      return;
    }
    this.stats.batches++;
    this.stats.commands += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok === true) item.resolve(outcome.data);
      else if (outcome.ok === false) item.reject(outcome.error);
      else item.reject(new AppError('INTERNAL'));
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.running && this.queue.length === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_ON_CLOSE_MS);
      this.onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
