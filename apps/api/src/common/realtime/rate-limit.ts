import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/** Token bucket per participant: a flood degrades the flooder, not the room. */
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

/**
 * Participants cut off for flooding, on this node. Answering every message of a client that
 * keeps sending far above its limit still costs a socket write each (1,000/s is a quarter of a
 * core here): after FLOOD_REFUSALS refusals in a row its socket is closed and its handshakes
 * are refused `RATE_LIMITED` for FLOOD_COOL_OFF_SECONDS. The web app never sends like this; it
 * retries the handshake every few seconds and resends its queued commands with their opIds.
 */
@Injectable()
export class FloodCoolOffs {
  private readonly until = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** True when this refusal makes the sender a flooder (the caller closes its socket). */
  isFlood(bucket: TokenBucket): boolean {
    return bucket.refusedInARow >= this.config.floodRefusals;
  }

  start(participantId: string, now = Date.now()): void {
    this.until.set(participantId, now + this.config.floodCoolOffSeconds * 1000);
  }

  active(participantId: string, now = Date.now()): boolean {
    const until = this.until.get(participantId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(participantId);
    return false;
  }
}
