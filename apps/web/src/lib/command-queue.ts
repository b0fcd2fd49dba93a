import { isRetryable } from '@palabre/contracts/meta';
import type { Ack } from '@palabre/contracts';
import type { CommandStore } from './command-store';
import { ApiError, isErrorCode, parseErrorBody } from './errors';

/** The little a queue needs from a socket: is it connected, and send with an ack. */
export interface CommandTransport {
  readonly connected: boolean;
  /** Resolves with the ack; rejects on timeout or when the connection drops first. */
  send(name: string, payload: Record<string, unknown>): Promise<unknown>;
}

interface Entry {
  name: string;
  payload: Record<string, unknown> & { opId: string };
  attempts: number;
  resolve: (data: unknown) => void;
  reject: (error: ApiError) => void;
  durable: boolean;
  /** Someone awaits the result (false for a command put back from an earlier visit). */
  awaited: boolean;
}

/** A command not yet acknowledged, as the interface may show it ("1 vote waiting to be sent"). */
export interface QueuedCommand {
  readonly name: string;
  readonly payload: Readonly<Record<string, unknown>> & { readonly opId: string };
}

/**
 * A command kept from an earlier visit (tapped offline, then the page reloaded) that the server
 * refused once it could be sent: nobody awaits it any more, so the interface must say so.
 */
export interface RefusedCommand extends QueuedCommand {
  readonly error: ApiError;
}

export interface CommandQueueOptions {
  newOpId?: () => string;
  /** Sends of one command while connected (timeouts, retryable refusals). */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** Keeps durable commands across reloads (IndexedDB in the browser). */
  store?: CommandStore | null;
  /** Whose commands these are in the store (one queue per session token). */
  owner?: string;
  /** Commands kept in the store; the others live in memory only. */
  durable?: (name: string) => boolean;
}

/**
 * Sends commands with an opId and keeps them until they are acknowledged.
 * Offline, a command waits here; `flush()` (on every reconnect) sends it again with the
 * SAME opId, so the server applies it once even if an earlier send did reach it.
 */
export class CommandQueue {
  private waiting: Entry[] = [];
  private inFlight = new Set<Entry>();
  /** Refused with a retryable code, sent again when the timer fires. */
  private readonly retrying = new Map<Entry, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private readonly newOpId: () => string;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly store: CommandStore | null;
  private readonly owner: string;
  private readonly durable: (name: string) => boolean;
  private listed: readonly QueuedCommand[] = [];
  private refusals: readonly RefusedCommand[] = [];
  /** Settles once the commands kept by an earlier visit are back in the queue. */
  readonly restored: Promise<void>;

  constructor(
    private readonly transport: CommandTransport,
    options: CommandQueueOptions = {},
  ) {
    this.newOpId = options.newOpId ?? (() => crypto.randomUUID());
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.store = options.store ?? null;
    this.owner = options.owner ?? '';
    this.durable = options.durable ?? (() => false);
    this.restored = this.restore();
  }

  /** Resolves with the ack's `data`, rejects with an ApiError (the ack's code and message). */
  send(name: string, payload: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry: Entry = { name, payload: { ...payload, opId: this.newOpId() }, attempts: 0, resolve, reject, durable: this.durable(name), awaited: true };
      if (entry.durable) this.keep(entry);
      this.dispatch(entry);
    });
  }

  /** Commands not yet acknowledged (waiting for the connection or in flight). */
  get pending(): number {
    return this.waiting.length + this.inFlight.size + this.retrying.size;
  }

  /** The commands not yet acknowledged; the same array until the queue changes (for useSyncExternalStore). */
  get commands(): readonly QueuedCommand[] {
    return this.listed;
  }

  /** Commands of an earlier visit refused by the server, until `dismissRefused` (the same array until it changes). */
  get refused(): readonly RefusedCommand[] {
    return this.refusals;
  }

  /** The member has read the refusals. */
  dismissRefused(): void {
    if (this.refusals.length === 0) return;
    this.refusals = [];
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call on every (re)connect: sends what waited, in order, with the same opIds. */
  flush(): void {
    const entries = this.waiting;
    this.waiting = [];
    for (const entry of entries) this.dispatch(entry);
    this.notify();
  }

  /** Gives up on everything (the access was revoked): each caller gets `error`. */
  rejectAll(error: ApiError): void {
    const entries = [...this.waiting, ...this.inFlight, ...this.retrying.keys()];
    this.stopRetries();
    this.waiting = [];
    this.inFlight.clear();
    for (const entry of entries) this.done(entry).reject(error);
    this.notify();
  }

  /** The connection is closed for good: no retry fires any more (nor keeps a test process alive). */
  close(): void {
    this.stopRetries();
  }

  private stopRetries(): void {
    for (const timer of this.retrying.values()) clearTimeout(timer);
    this.retrying.clear();
  }

  /**
   * Puts back the durable commands of an earlier visit (reload, closed tab, restarted phone), ahead
   * of anything sent since, with their opIds: nobody awaits them any more, the server's events
   * (e.g. ballot.recorded) tell the interface when they were applied.
   */
  private async restore(): Promise<void> {
    if (!this.store) return;
    let stored;
    try {
      stored = await this.store.load(this.owner);
    } catch {
      return; // Storage unavailable: the queue works in memory.
    }
    if (stored.length === 0) return;
    const known = new Set([...this.waiting, ...this.inFlight].map((e) => e.payload.opId));
    const back: Entry[] = stored
      .filter((c) => !known.has(c.opId))
      .map((c) => ({ name: c.name, payload: { ...c.payload, opId: c.opId }, attempts: 0, resolve: () => undefined, reject: () => undefined, durable: true, awaited: false }));
    this.waiting = [...back, ...this.waiting];
    if (this.transport.connected) this.flush();
    else this.notify();
  }

  private keep(entry: Entry): void {
    const { name, payload } = entry;
    this.store?.put({ opId: payload.opId, owner: this.owner, name, payload, storedAt: Date.now() }).catch(() => undefined);
  }

  /** The command is settled (acknowledged or refused for good): forget it, here and in the store. */
  private done(entry: Entry): Entry {
    if (entry.durable) this.store?.remove(entry.payload.opId).catch(() => undefined);
    return entry;
  }

  private dispatch(entry: Entry): void {
    if (!this.transport.connected) {
      this.waiting.push(entry);
      this.notify();
      return;
    }
    entry.attempts += 1;
    this.inFlight.add(entry);
    this.notify();
    this.transport.send(entry.name, entry.payload).then(
      (ack) => this.settle(entry, ack),
      () => this.failed(entry),
    );
  }

  private settle(entry: Entry, raw: unknown): void {
    if (!this.inFlight.delete(entry)) return; // already given up (rejectAll)
    const ack = raw as Ack<unknown> | undefined;
    if (ack?.ok === true) {
      this.done(entry).resolve(ack.data);
    } else {
      const body = parseErrorBody(ack?.error);
      if (body && isErrorCode(body.code) && isRetryable(body.code) && entry.attempts < this.maxAttempts) {
        const timer = setTimeout(() => {
          this.retrying.delete(entry);
          this.dispatch(entry);
        }, this.retryDelayMs * entry.attempts);
        this.retrying.set(entry, timer);
      } else {
        this.refuse(entry, body ? ApiError.fromBody(body, 0) : new ApiError('BAD_RESPONSE', '', 0));
      }
    }
    this.notify();
  }

  private failed(entry: Entry): void {
    if (!this.inFlight.delete(entry)) return;
    if (!this.transport.connected) {
      // Dropped with the connection: wait for the reconnect, keep the opId.
      this.waiting.push(entry);
    } else if (entry.attempts < this.maxAttempts) {
      this.dispatch(entry);
      return;
    } else {
      // Given up: a later visit must not replay it over what the member did since.
      this.refuse(entry, new ApiError('TIMEOUT', '', 0));
    }
    this.notify();
  }

  /** Refused for good: the caller hears it, or, for a command of an earlier visit, the interface does. */
  private refuse(entry: Entry, error: ApiError): void {
    this.done(entry).reject(error);
    if (!entry.awaited) this.refusals = [...this.refusals, { name: entry.name, payload: entry.payload, error }];
  }

  private notify(): void {
    this.listed = [...this.waiting, ...this.inFlight].map(({ name, payload }) => ({ name, payload }));
    for (const listener of this.listeners) listener();
  }
}
