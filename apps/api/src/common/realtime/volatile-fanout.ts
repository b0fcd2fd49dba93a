import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { EventName, EventPayload, ServerToClientEvents } from '@palabre/contracts';
import { RealtimeEmitter } from './emitter';
import { REDIS_STATE, type RedisState } from './redis-state';

/** Sockets written per turn of the event loop (~7 ms of socket writes on the bench machine). */
export const FANOUT_SLICE = 200;
/** The server-side message that asks the other nodes to deliver to their own sockets. */
const REMOTE = 'palabre:fanout';

type LiveNamespace = Namespace<Record<string, never>, ServerToClientEvents>;

interface Delivery {
  rooms: string[];
  except: string[];
  event: EventName;
  payload: unknown;
}

/**
 * Volatile events to large rooms (live results, presence), written in slices.
 *
 * socket.io writes a broadcast to every socket of the room in one go: at 5,000 sockets that
 * is ~5,000 socket writes (~150 ms) during which no timer, ack or new connection is served
 * (libuv accepts one connection per loop turn). Here each node writes FANOUT_SLICE sockets per
 * turn. One FIFO queue per node keeps the order of these events on every socket. Only for
 * volatile events: a slice written a few milliseconds later than an unrelated versioned event
 * is applied or dropped by its version like any volatile event. With Redis the other nodes are
 * told by a server-side message and write to their own sockets the same way.
 */
@Injectable()
export class VolatileFanout implements OnModuleDestroy {
  private readonly queue: { ids: string[]; event: EventName; payload: unknown }[] = [];
  private pumping?: NodeJS.Immediate;
  /** Sockets per slice; tests lower it to cover several slices with a few sockets. */
  sliceSize = FANOUT_SLICE;

  constructor(
    private readonly emitter: RealtimeEmitter,
    @Inject(REDIS_STATE) private readonly redis: RedisState,
  ) {}

  /** Called once the namespace exists (live gateway init): listen for the other nodes' deliveries. */
  attach(namespace: LiveNamespace): void {
    (namespace as unknown as { on(e: string, f: (d: Delivery) => void): void }).on(REMOTE, (d) => this.deliverHere(d));
  }

  emit<E extends EventName>(rooms: string | string[], event: E, payload: EventPayload<E>, except: string | string[] = []): void {
    const delivery: Delivery = { rooms: [rooms].flat(), except: [except].flat(), event, payload };
    const ns = this.emitter.server;
    // Without Redis the in-memory adapter has no other node (and warns on serverSideEmit).
    if (ns && this.redis.configured) (ns as unknown as { serverSideEmit(e: string, d: Delivery): void }).serverSideEmit(REMOTE, delivery);
    this.deliverHere(delivery);
  }

  /** Sockets of this node in `rooms` and not in `except`, staff rooms first as listed by the caller. */
  private deliverHere({ rooms, except, event, payload }: Delivery): void {
    const ns = this.emitter.server;
    if (!ns) return;
    const local = ns.adapter.rooms;
    const skip = new Set<string>();
    for (const room of except) for (const id of local.get(room) ?? []) skip.add(id);
    const ids: string[] = [];
    for (const room of rooms) {
      for (const id of local.get(room) ?? []) {
        if (skip.has(id)) continue;
        skip.add(id);
        ids.push(id);
      }
    }
    const idle = this.queue.length === 0;
    for (let i = 0; i < ids.length; i += this.sliceSize) this.queue.push({ ids: ids.slice(i, i + this.sliceSize), event, payload });
    // The first slice goes at once when nothing is waiting: small rooms see no delay at all.
    if (idle) this.writeOne();
    this.schedule();
  }

  private schedule(): void {
    if (this.pumping || this.queue.length === 0) return;
    this.pumping = setImmediate(() => {
      this.pumping = undefined;
      this.writeOne();
      this.schedule();
    });
  }

  private writeOne(): void {
    const slice = this.queue.shift();
    const ns = this.emitter.server;
    if (!slice || !ns) return;
    // Every socket is in the room named by its id; `local`: the other nodes write their own.
    (ns.to(slice.ids).local as unknown as { emit(e: string, p: unknown): void }).emit(slice.event, slice.payload);
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

  onModuleDestroy(): void {
    if (this.pumping) clearImmediate(this.pumping);
    this.queue.length = 0;
  }
}
