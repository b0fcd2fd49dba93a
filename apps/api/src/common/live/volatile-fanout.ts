import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { EventName, EventPayload, ServerToClientEvents } from '@palabre/contracts';
import { RealtimeEmitter } from './emitter';
import { REDIS_STATE, type RedisState } from './redis-state';

/** Sockets written in one go (one encoding of the packet for all of them). */
export const FANOUT_SLICE = 50;
/** Time spent writing per event-loop turn before yielding (~250 sockets on a quiet 2-core machine). */
export const FANOUT_TURN_MS = 8;
/** The server-side message that asks the other nodes to deliver to their own sockets. */
const REMOTE = 'palabre:fanout';

type LiveNamespace = Namespace<Record<string, never>, ServerToClientEvents>;

export interface FanoutOptions {
  /** Rooms whose sockets are left out (e.g. staff, who get their own copy). */
  except?: string | string[];
  /**
   * Deliveries with the same key supersede each other (the newest full state wins): a socket
   * still waiting for an older one gets the newest payload instead, and is written once.
   */
  key?: string;
}

interface Delivery {
  rooms: string[];
  except: string[];
  key?: string;
  event: EventName;
  payload: unknown;
}

/** Sockets still waiting for one key, and the payload they will get. */
interface Latest {
  payload: unknown;
  waiting: Set<string>;
}

interface Slice {
  ids: string[];
  event: EventName;
  payload: unknown;
  latest?: Latest;
  key?: string;
}

/**
 * Volatile events to large rooms (live results, presence), written a few sockets at a time.
 *
 * socket.io writes a broadcast to every socket of the room in one go: at 5,000 sockets that
 * is ~5,000 socket writes (~150 ms) during which no timer, ack or new connection is served
 * (libuv accepts one connection per loop turn). Here each node writes for at most
 * FANOUT_TURN_MS per turn, then yields. One FIFO queue per node keeps the order of these
 * events on every socket; a newer delivery with the same key replaces the payload of the
 * older one for the sockets still waiting, so a slow turn never makes the queue grow beyond
 * one copy per socket and key. Only for volatile events: one written a few milliseconds after
 * an unrelated versioned event is applied or dropped by its version like any volatile event.
 * With Redis the other nodes are told by a server-side message and write their own sockets.
 * It paces writes and is no Coalescer: nothing here waits for a delay; what decides how often an
 * event is sent is the caller's Coalescer (live results, presence).
 */
@Injectable()
export class VolatileFanout implements OnModuleDestroy {
  private readonly queue: Slice[] = [];
  private readonly latest = new Map<string, Latest>();
  private pumping?: NodeJS.Immediate;
  /** Sockets per slice; tests lower it to cover several slices with a few sockets. */
  sliceSize = FANOUT_SLICE;
  /** Milliseconds of writing per turn; tests set 0 to write one slice per turn. */
  turnMs = FANOUT_TURN_MS;

  constructor(
    private readonly emitter: RealtimeEmitter,
    @Inject(REDIS_STATE) private readonly redis: RedisState,
  ) {}

  /** Called once the namespace exists (live gateway init): listen for the other nodes' deliveries. */
  attach(namespace: LiveNamespace): void {
    (namespace as unknown as { on(e: string, f: (d: Delivery) => void): void }).on(REMOTE, (d) => this.deliverHere(d));
  }

  emit<E extends EventName>(rooms: string | string[], event: E, payload: EventPayload<E>, options: FanoutOptions = {}): void {
    const delivery: Delivery = { rooms: [rooms].flat(), except: [options.except ?? []].flat(), key: options.key, event, payload };
    const ns = this.emitter.server;
    // Without Redis the in-memory adapter has no other node (and warns on serverSideEmit).
    if (ns && this.redis.configured) (ns as unknown as { serverSideEmit(e: string, d: Delivery): void }).serverSideEmit(REMOTE, delivery);
    this.deliverHere(delivery);
  }

  /** Sockets in these rooms on this node, counted from the adapter's local rooms (no fetchSockets); a socket in two counts twice. */
  audience(targets: string[]): number {
    const local = this.emitter.server?.adapter.rooms;
    return targets.reduce((n, room) => n + (local?.get(room)?.size ?? 0), 0);
  }

  /** Sockets waiting for a slice on this node (tests and diagnostics). */
  get backlog(): number {
    return this.queue.reduce((n, s) => n + s.ids.length, 0);
  }

  /** This node's sockets in `rooms` and not in `except`, in the order of the rooms given. */
  private deliverHere({ rooms, except, key, event, payload }: Delivery): void {
    const ns = this.emitter.server;
    if (!ns) return;
    const local = ns.adapter.rooms;
    const skip = new Set<string>();
    for (const room of except) for (const id of local.get(room) ?? []) skip.add(id);
    let latest = key === undefined ? undefined : this.latest.get(key);
    if (latest) {
      latest.payload = payload; // those still waiting get this one instead
      for (const id of latest.waiting) skip.add(id);
    } else if (key !== undefined) {
      latest = { payload, waiting: new Set() };
      this.latest.set(key, latest);
    }
    const ids: string[] = [];
    for (const room of rooms) {
      for (const id of local.get(room) ?? []) {
        if (skip.has(id)) continue;
        skip.add(id);
        ids.push(id);
        latest?.waiting.add(id);
      }
    }
    const idle = this.queue.length === 0;
    for (let i = 0; i < ids.length; i += this.sliceSize) this.queue.push({ ids: ids.slice(i, i + this.sliceSize), event, payload, latest, key });
    if (latest && latest.waiting.size === 0 && key !== undefined) this.latest.delete(key);
    // A turn's worth goes at once when nothing is waiting: small rooms see no delay at all.
    if (idle) this.writeTurn();
    this.schedule();
  }

  private schedule(): void {
    if (this.pumping || this.queue.length === 0) return;
    this.pumping = setImmediate(() => {
      this.pumping = undefined;
      this.writeTurn();
      this.schedule();
    });
  }

  private writeTurn(): void {
    const started = performance.now();
    do this.writeOne();
    while (this.queue.length > 0 && performance.now() - started < this.turnMs);
  }

  private writeOne(): void {
    const slice = this.queue.shift();
    const ns = this.emitter.server;
    if (!slice || !ns) return;
    let payload = slice.payload;
    if (slice.latest) {
      payload = slice.latest.payload;
      for (const id of slice.ids) slice.latest.waiting.delete(id);
      if (slice.latest.waiting.size === 0 && slice.key !== undefined && this.latest.get(slice.key) === slice.latest) this.latest.delete(slice.key);
    }
    // Every socket is in the room named by its id; `local`: the other nodes write their own.
    (ns.to(slice.ids).local as unknown as { emit(e: string, p: unknown): void }).emit(slice.event, payload);
  }

  onModuleDestroy(): void {
    if (this.pumping) clearImmediate(this.pumping);
    this.queue.length = 0;
    this.latest.clear();
  }
}
