import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';
import { Clock } from '../time/clock';
import type { LiveSocket } from '../live/live-socket';

/** Token bucket per participant (shared by their sockets): a flood degrades the flooder, not the room. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  /** Refusals since the last command let through: a client that ignores RATE_LIMITED keeps counting. */
  refusedInARow = 0;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {
    this.tokens = capacity;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSecond);
    this.last = now;
    if (this.tokens < 1) {
      this.refusedInARow++;
      return false;
    }
    this.tokens -= 1;
    this.refusedInARow = 0;
    return true;
  }
}

/** What one participant holds on this node: one command bucket shared by all their sockets. */
interface Held {
  bucket: TokenBucket;
  sockets: Set<LiveSocket>;
  /** When the last socket left (0 while some are open): idle entries are swept after a while. */
  idleSince: number;
}

/** An idle participant's bucket is kept this long, so reconnecting does not refill it. */
const KEEP_IDLE_MS = 60_000;

/**
 * The per-participant limits of the live socket, on this node: a participant may hold at most
 * MAX_SOCKETS_PER_PARTICIPANT sockets, and all of them draw on one command bucket, so opening
 * more tabs or devices buys no more commands.
 *
 * Participants cut off for flooding: answering every message of a client that keeps sending far
 * above its limit still costs a socket write each (1,000/s is a quarter of a core here): after
 * FLOOD_REFUSALS refusals in a row every socket of the participant is closed and their
 * handshakes are refused `RATE_LIMITED` for FLOOD_COOL_OFF_SECONDS. The web app never sends like
 * this; it retries the handshake every few seconds and resends its queued commands with their opIds.
 */
@Injectable()
export class FloodCoolOffs {
  private readonly until = new Map<string, number>();
  private readonly held = new Map<string, Held>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts a new socket of the participant (at its handshake) and gives it the participant's
   * bucket. Throws TOO_MANY_CONNECTIONS when they already hold the maximum.
   */
  admit(participantId: string, socket: LiveSocket): TokenBucket {
    let entry = this.held.get(participantId);
    if (entry && entry.sockets.size >= this.config.maxSocketsPerParticipant) throw new AppError('TOO_MANY_CONNECTIONS');
    if (!entry) {
      entry = { bucket: new TokenBucket(this.config.commandBurst, this.config.commandRatePerSecond), sockets: new Set(), idleSince: 0 };
      this.held.set(participantId, entry);
    }
    entry.sockets.add(socket);
    entry.idleSince = 0;
    const release = () => this.release(participantId, socket);
    // A socket that never finished connecting emits no disconnect: its transport's close tells.
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    return entry.bucket;
  }

  /** Sockets the participant holds on this node (for tests and diagnostics). */
  socketsOf(participantId: string): number {
    return this.held.get(participantId)?.sockets.size ?? 0;
  }

  /** True when this refusal makes the sender a flooder (the caller closes its socket). */
  isFlood(bucket: TokenBucket): boolean {
    return bucket.refusedInARow >= this.config.floodRefusals;
  }

  /** Starts the participant's cool-off and closes every socket they hold on this node. */
  start(participantId: string, now = this.clock.now()): void {
    this.until.set(participantId, now + this.config.floodCoolOffSeconds * 1000);
    for (const socket of [...(this.held.get(participantId)?.sockets ?? [])]) socket.disconnect(true);
  }

  active(participantId: string, now = this.clock.now()): boolean {
    const until = this.until.get(participantId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(participantId);
    return false;
  }

  /** Forgets participants idle for a while (called by the gateway's periodic sweep). */
  sweep(now = this.clock.now()): void {
    for (const [id, entry] of this.held) if (entry.sockets.size === 0 && now - entry.idleSince >= KEEP_IDLE_MS) this.held.delete(id);
  }

  private release(participantId: string, socket: LiveSocket): void {
    const entry = this.held.get(participantId);
    if (!entry?.sockets.delete(socket)) return;
    if (entry.sockets.size === 0) entry.idleSince = this.clock.now();
  }
}
