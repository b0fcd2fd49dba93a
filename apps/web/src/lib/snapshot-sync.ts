import { EVENT_META } from '@palabre/contracts/meta';
import type { EventName, SessionSnapshot } from '@palabre/contracts';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';
import type { SnapshotPatchers } from './patchers';

const MAX_BUFFERED = 500;
/** After a snapshot fetch failed for good (its own retries spent): try again after these waits, the last one repeating. */
export const REFETCH_AFTER_FAILURE_MS = [1000, 2000, 4000, 8000, 15000] as const;

/** A refused request (4xx: access lost, session gone) will not succeed by asking again. */
function worthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

export type EventOutcome = 'applied' | 'stale' | 'gap' | 'unhandled' | 'buffered';

export const snapshotKey = (sessionId: string) => ['snapshot', sessionId] as const;

function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(EVENT_META, name);
}

/**
 * Keeps the cached snapshot in step with server events.
 * - non-volatile events at or below the snapshot version are stale and ignored;
 * - a session-scope event that skips a version means we missed one: refetch;
 * - volatile events (presence, live results) are applied unless older than the snapshot,
 *   and leave the version alone;
 * - an event no patcher knows triggers a refetch (always correct, just slower);
 * - while the snapshot is loading, events wait and are replayed on top of it;
 * - a fetch that failed for good (a reconnect's refetch cut by flapping Wi-Fi) is tried again
 *   later until one succeeds: without it, the events missed while disconnected would stay
 *   missed until the next reconnect.
 */
export class SnapshotSync {
  private buffer: { name: EventName; payload: { version: number } }[] = [];
  private readonly unsubscribeCache: () => void;
  private readonly hash: string;
  private failures = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly client: QueryClient,
    private readonly sessionId: string,
    private readonly patchers: SnapshotPatchers,
    private readonly refetch: () => void,
  ) {
    this.hash = hashKey(snapshotKey(sessionId));
    this.unsubscribeCache = client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryHash !== this.hash) return;
      const { action } = event;
      if (action.type === 'success' && !action.manual) {
        this.failures = 0;
        this.replay();
      } else if (action.type === 'error') {
        this.replay();
        this.refetchLater(action.error);
      }
    });
  }

  dispose(): void {
    this.unsubscribeCache();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.buffer = [];
  }

  private refetchLater(error: unknown): void {
    if (this.retryTimer !== undefined || !worthRetrying(error)) return;
    const wait = REFETCH_AFTER_FAILURE_MS[Math.min(this.failures, REFETCH_AFTER_FAILURE_MS.length - 1)];
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.refetch();
    }, wait);
  }

  /** Feed every server event here (name as received). */
  receive(name: string, payload: unknown): EventOutcome {
    if (!isEventName(name) || !hasVersion(payload)) return 'unhandled';
    if (this.isLoading()) {
      this.keep(name, payload);
      return 'buffered';
    }
    return this.apply(name, payload, true);
  }

  private apply(name: EventName, payload: { version: number; sessionId?: unknown }, mayRefetch: boolean): EventOutcome {
    const snapshot = this.client.getQueryData<SessionSnapshot>(snapshotKey(this.sessionId));
    if (!snapshot) return 'stale';
    if (typeof payload.sessionId === 'string' && payload.sessionId !== snapshot.session.id) return 'stale';
    const definition = EVENT_META[name];
    const patcher = this.patchers[name] as ((s: SessionSnapshot, p: unknown) => SessionSnapshot) | undefined;

    if (definition.volatile) {
      if (payload.version < snapshot.version) return 'stale';
      if (!patcher) return 'unhandled';
      this.set(patcher(snapshot, payload));
      return 'applied';
    }
    if (payload.version <= snapshot.version) return 'stale';
    const gap = definition.scope === 'session' && payload.version > snapshot.version + 1;
    if (mayRefetch && (!patcher || gap)) {
      // The refetched snapshot is read after this event was emitted, so it includes it;
      // keeping the event is only a safety net (it will be dropped as stale).
      this.keep(name, payload);
      this.refetch();
      return patcher ? 'gap' : 'unhandled';
    }
    if (!patcher) return 'unhandled';
    this.set({ ...patcher(snapshot, payload), version: payload.version });
    return 'applied';
  }

  private replay(): void {
    if (this.isLoading()) return;
    const pending = this.buffer;
    this.buffer = [];
    // No refetch from a replay: the snapshot we just got is the best the server has.
    for (const { name, payload } of pending) this.apply(name, payload, false);
  }

  private keep(name: EventName, payload: { version: number }): void {
    // A snapshot that never loads must not make the buffer grow without bound.
    if (this.buffer.length >= MAX_BUFFERED) this.buffer.shift();
    this.buffer.push({ name, payload });
  }

  private set(snapshot: SessionSnapshot): void {
    this.client.setQueryData(snapshotKey(this.sessionId), snapshot);
  }

  private isLoading(): boolean {
    const state = this.client.getQueryState(snapshotKey(this.sessionId));
    return !state || state.data === undefined || state.fetchStatus === 'fetching';
  }
}

function hasVersion(payload: unknown): payload is { version: number; sessionId?: unknown } {
  return typeof payload === 'object' && payload !== null && typeof (payload as { version?: unknown }).version === 'number';
}
