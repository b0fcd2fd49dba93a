import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { PresenceView } from '@palabre/contracts';
import { DataSource } from 'typeorm';
import { Coalescer } from './coalescer';
import { RealtimeEmitter } from './emitter';
import { REDIS_STATE, type RedisState } from './redis-state';
import { rooms } from './rooms';
import type { LiveSocketData } from './live-socket';
import { sessionStateRepository } from '../db/session-state.repository';
import { VolatileFanout } from './volatile-fanout';
import { intervalWithinBudget } from './delivery-budget';

/** Presence goes out at most twice a second per session... */
export const PRESENCE_MIN_INTERVAL_MS = 500;
/** ...and less often in large rooms: at most this many presence deliveries per second per node. */
export const PRESENCE_DELIVERY_BUDGET = 5_000;
export const PRESENCE_MAX_INTERVAL_MS = 2_000;

/**
 * Milliseconds between two presence broadcasts for `audience` sockets on this node: 500 ms up to
 * 2,500 sockets, then in proportion (5,000 sockets → 1 s), at most 2 s. During a join rush every
 * broadcast goes to everyone; this keeps it a quarter of the live-results budget (20,000/s).
 */
export function presenceInterval(audience: number): number {
  return intervalWithinBudget(audience, PRESENCE_DELIVERY_BUDGET, PRESENCE_MIN_INTERVAL_MS, PRESENCE_MAX_INTERVAL_MS);
}
/** With several nodes, how long a cross-node count may be reused (a results interval at most). */
export const SHARED_COUNT_MAX_AGE_MS = 250;

type Online = NonNullable<PresenceView['online']>[number];

/** Told the session's id after each presence broadcast (what depends on who is connected). */
export type PresenceListener = (sessionId: string) => void;

/** Who is online in one session, computed once and reused until it may have changed. */
interface Roll {
  at: number;
  byId: Map<string, Online>;
  sorted?: Online[];
  memberIds?: ReadonlySet<string>;
}

// One collator for every sort: `localeCompare(b, 'fr')` builds one per call.
const collator = new Intl.Collator('fr');

/**
 * Who is connected, computed from the sockets in the session room and broadcast at most
 * twice a second per session (less in large rooms: presenceInterval), whatever the churn.
 *
 * Cost: without Redis, the roll is read from this node's room (no fetchSockets) and kept until
 * the next connection or disconnection in the session, so a results update or a snapshot
 * costs nothing more. With the Redis adapter it comes from every node (fetchSockets), fresh
 * for snapshots and presence broadcasts, and reused for up to SHARED_COUNT_MAX_AGE_MS by the
 * member count of live results. The list is sorted (French collation) only for staff, once.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly coalescer = new Coalescer<string>({
    delayMs: (sessionId) => presenceInterval(this.fanout.audience([rooms.session(sessionId)])),
    deliver: (sessionId) =>
      this.broadcast(sessionId)
        .catch(() => undefined)
        .finally(() => this.notify(sessionId)),
  });
  private readonly rolls = new Map<string, Roll>();
  private readonly listeners: PresenceListener[] = [];

  /** Presence broadcasts marked or under way (tests wait for none before measuring the fan-out). */
  get pending(): number {
    return this.coalescer.size + this.coalescer.inFlight;
  }

  constructor(
    private readonly emitter: RealtimeEmitter,
    private readonly db: DataSource,
    private readonly fanout: VolatileFanout,
    @Inject(REDIS_STATE) private readonly redis: RedisState,
  ) {}

  /** A socket joined or left the session: the roll is read again, and broadcast after the interval. */
  mark(sessionId: string): void {
    this.rolls.delete(sessionId);
    this.coalescer.mark(sessionId);
  }

  /**
   * Calls `listener` after each presence broadcast, i.e. at most once per presenceInterval per
   * session, however many sockets came and went. A registration rather than an injection:
   * the listeners (live results) already depend on this service.
   */
  onBroadcast(listener: PresenceListener): void {
    this.listeners.push(listener);
  }

  async view(sessionId: string, forStaff: boolean): Promise<PresenceView> {
    const roll = await this.roll(sessionId, 0);
    if (!forStaff) return { connected: roll.byId.size };
    roll.sorted ??= [...roll.byId.values()].sort((a, b) => collator.compare(a.displayName, b.displayName));
    return { connected: roll.sorted.length, online: roll.sorted };
  }

  /**
   * Which members (not staff, not screens) are connected now, for live results several times a
   * second: the turnout counts them, and a represented member only when absent.
   */
  async memberIds(sessionId: string): Promise<ReadonlySet<string>> {
    const roll = await this.roll(sessionId, SHARED_COUNT_MAX_AGE_MS);
    roll.memberIds ??= new Set([...roll.byId.values()].filter((p) => p.role === 'member').map((p) => p.id));
    return roll.memberIds;
  }

  private async roll(sessionId: string, maxAgeMs: number): Promise<Roll> {
    const shared = this.redis.configured;
    const known = this.rolls.get(sessionId);
    // Without Redis a roll is exact until `mark` drops it; with Redis, other nodes' changes are not seen here.
    if (known && (!shared || Date.now() - known.at <= maxAgeMs)) return known;
    const actors = shared ? await this.everyNode(sessionId) : this.thisNode(sessionId);
    const roll: Roll = { at: Date.now(), byId: new Map() };
    for (const actor of actors) {
      if (!actor || actor.role === 'observer' || roll.byId.has(actor.participantId)) continue;
      roll.byId.set(actor.participantId, { id: actor.participantId, displayName: actor.displayName, role: actor.role });
    }
    this.rolls.set(sessionId, roll);
    return roll;
  }

  private *thisNode(sessionId: string): Iterable<LiveSocketData['actor'] | undefined> {
    const ns = this.emitter.server;
    for (const id of ns?.adapter.rooms.get(rooms.session(sessionId)) ?? []) yield (ns?.sockets.get(id)?.data as LiveSocketData | undefined)?.actor;
  }

  private async everyNode(sessionId: string): Promise<(LiveSocketData['actor'] | undefined)[]> {
    const ns = this.emitter.server;
    if (!ns) return [];
    const sockets = await ns.in(rooms.session(sessionId)).fetchSockets();
    return sockets.map((s) => (s.data as LiveSocketData).actor);
  }

  private async broadcast(sessionId: string): Promise<void> {
    const staffView = await this.view(sessionId, true);
    const version = (await sessionStateRepository.version(this.db.manager, sessionId)) ?? 0;
    // Members see the count, staff the list (which carries the count too); both written in slices.
    const staff = rooms.staff(sessionId);
    this.fanout.emit(rooms.session(sessionId), 'presence.updated', { sessionId, version, presence: { connected: staffView.connected } }, { except: staff, key: `presence:${sessionId}` });
    this.fanout.emit(staff, 'presence.updated', { sessionId, version, presence: staffView }, { key: `presence:${sessionId}:staff` });
  }

  private notify(sessionId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(sessionId);
      } catch {
        // One listener's failure is its own; presence and the other listeners go on.
      }
    }
  }

  onModuleDestroy(): void {
    this.listeners.length = 0;
    this.coalescer.close();
  }
}
