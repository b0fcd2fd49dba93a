import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EVENTS, type EventName, type EventPayload } from '@palabre/contracts';
import { AppError, isDatabaseUnavailable } from '../errors/app-error';
import { reportDatabaseUnavailable } from '../errors/database-outage';
import { AUDIT_TRAIL, type AuditTrail } from '../commands/audit-trail';
import { RealtimeEmitter } from '../live/emitter';
import { rooms } from '../live/rooms';
import { sessionStateRepository } from './session-state.repository';

type Body<E extends EventName> = Omit<EventPayload<E>, 'sessionId' | 'version'>;

interface Pending {
  room: string | string[];
  event: EventName;
  payload: unknown;
}

/**
 * One use case's unit of work: a database transaction, the audit links it writes and
 * the events it will publish — emitted only after the commit succeeds.
 */
export class Tx {
  readonly pending: Pending[] = [];
  readonly commitHooks: (() => void)[] = [];
  private versions = new Map<string, number>();

  constructor(
    readonly manager: EntityManager,
    private readonly audits: AuditTrail,
  ) {}

  /**
   * Publish a fact to the session. Session-wide, non-volatile facts bump the session version
   * (row lock: concurrent writers serialise and versions follow commit order); scoped facts
   * carry the current version without bumping it.
   */
  async publish<E extends EventName>(event: E, sessionId: string, body: Body<E>, opts: { room?: string | string[]; bump?: boolean } = {}): Promise<number> {
    const def = EVENTS[event];
    const room = opts.room;
    // `bump: false` when the use case already bumped (to put the new version inside the body).
    const bumps = opts.bump ?? (def.scope === 'session' && !def.volatile && room === undefined);
    const version = bumps ? await this.bumpVersion(sessionId) : await this.currentVersion(sessionId);
    this.pending.push({ room: room ?? rooms.session(sessionId), event, payload: { ...body, sessionId, version } });
    return version;
  }

  async bumpVersion(sessionId: string): Promise<number> {
    const version = await sessionStateRepository.bumpVersion(this.manager, sessionId);
    if (version === null) throw new AppError('SESSION_NOT_FOUND');
    this.versions.set(sessionId, version);
    return version;
  }

  async currentVersion(sessionId: string): Promise<number> {
    const known = this.versions.get(sessionId);
    if (known !== undefined) return known;
    const version = await sessionStateRepository.version(this.manager, sessionId);
    if (version === null) throw new AppError('SESSION_NOT_FOUND');
    return version;
  }

  /**
   * The session's version as the caller already read it in this transaction: later events that
   * do not bump it carry it without another query (a ballot batch publishes one event per ballot).
   */
  knowVersion(sessionId: string, version: number): void {
    if (!this.versions.has(sessionId)) this.versions.set(sessionId, version);
  }

  /** Runs after the commit and after this unit's events are emitted (e.g. disconnect a revoked socket). */
  afterCommit(hook: () => void): void {
    this.commitHooks.push(hook);
  }

  audit(sessionId: string, type: string, actorId: string | null, payload: Record<string, unknown>): Promise<unknown> {
    return this.audits.append(this.manager, sessionId, type, actorId, payload);
  }
}

const RETRYABLE_PG = new Set(['40001', '40P01']);

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('Tx');

  constructor(
    private readonly db: DataSource,
    @Inject(AUDIT_TRAIL) private readonly audits: AuditTrail,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Runs `work` in a transaction (retrying serialisation failures), then emits its events. */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let tx!: Tx;
      let result: T;
      try {
        result = await this.db.transaction(async (manager) => {
          tx = new Tx(manager, this.audits);
          return work(tx);
        });
      } catch (error) {
        const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
        if (code && RETRYABLE_PG.has(code) && attempt < 4) continue;
        throw this.refusal(error, code);
      }
      try {
        for (const p of tx.pending) this.emitter.emit(p.room, p.event, p.payload as never);
        for (const hook of tx.commitHooks) hook();
      } catch (error) {
        throw this.refusal(error);
      }
      return result;
    }
  }

  private refusal(error: unknown, code?: string): AppError {
    if (error instanceof AppError) return error;
    if (isDatabaseUnavailable(error)) return this.unavailable(error);
    // A unique violation that slipped past the use case's own checks is a conflict, not a crash.
    if (code === '23505') return new AppError('CONFLICT');
    this.logger.error(error instanceof Error ? error.stack : String(error));
    return new AppError('INTERNAL');
  }

  /** The expected, retried outage: a warning without a stack (once per window), and the retryable code. */
  private unavailable(error: unknown): AppError {
    reportDatabaseUnavailable(error);
    return new AppError('DATABASE_UNAVAILABLE');
  }
}
