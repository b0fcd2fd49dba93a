import { isRetryable } from '@palabre/contracts/meta';
import type { Ack } from '@palabre/contracts';
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
}

export interface CommandQueueOptions {
  newOpId?: () => string;
  /** Sends of one command while connected (timeouts, retryable refusals). */
  maxAttempts?: number;
  retryDelayMs?: number;
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

  constructor(
    private readonly transport: CommandTransport,
    options: CommandQueueOptions = {},
  ) {
    this.newOpId = options.newOpId ?? (() => crypto.randomUUID());
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** Resolves with the ack's `data`, rejects with an ApiError (the ack's code and message). */
  send(name: string, payload: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry: Entry = { name, payload: { ...payload, opId: this.newOpId() }, attempts: 0, resolve, reject };
      this.dispatch(entry);
    });
  }

  /** Commands not yet acknowledged (waiting for the connection or in flight). */
  get pending(): number {
    return this.waiting.length + this.inFlight.size + this.retrying.size;
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
    for (const entry of entries) entry.reject(error);
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
      entry.resolve(ack.data);
    } else {
      const body = parseErrorBody(ack?.error);
      if (body && isErrorCode(body.code) && isRetryable(body.code) && entry.attempts < this.maxAttempts) {
        const timer = setTimeout(() => {
          this.retrying.delete(entry);
          this.dispatch(entry);
        }, this.retryDelayMs * entry.attempts);
        this.retrying.set(entry, timer);
      } else {
        entry.reject(body ? ApiError.fromBody(body, 0) : new ApiError('BAD_RESPONSE', '', 0));
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
      entry.reject(new ApiError('TIMEOUT', '', 0));
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
