import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../common/errors/app-error';
import { TokenBucket } from '../../common/commands/rate-limit';

/** Buckets idle this long are full again: forgotten, so the maps stay small. */
const IDLE_MS = 5 * 60_000;

/**
 * Joins per client address and per session, on this node (JOIN_* settings): a burst, then a
 * sustained rate. Code joins, invitation joins and screen pairings go through here. A refusal
 * is `JOIN_THROTTLED` (retryable); the web app says so and the person tries again.
 */
@Injectable()
export class JoinThrottle {
  private readonly byAddress = new Map<string, { bucket: TokenBucket; seen: number }>();
  private readonly bySession = new Map<string, { bucket: TokenBucket; seen: number }>();
  private lastSweep = Date.now();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Before anything is read: a code guesser is throttled as much as a stuffer. */
  address(address: string, now = Date.now()): void {
    this.sweep(now);
    if (!take(this.byAddress, address, now, () => new TokenBucket(this.config.joinBurstPerAddress, this.config.joinRatePerAddress))) {
      throw new AppError('JOIN_THROTTLED');
    }
  }

  session(sessionId: string, now = Date.now()): void {
    if (!take(this.bySession, sessionId, now, () => new TokenBucket(this.config.joinBurstPerSession, this.config.joinRatePerSession))) {
      throw new AppError('JOIN_THROTTLED');
    }
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < IDLE_MS) return;
    this.lastSweep = now;
    for (const map of [this.byAddress, this.bySession]) for (const [key, entry] of map) if (now - entry.seen > IDLE_MS) map.delete(key);
  }
}

function take(map: Map<string, { bucket: TokenBucket; seen: number }>, key: string, now: number, create: () => TokenBucket): boolean {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { bucket: create(), seen: now }));
  entry.seen = now;
  return entry.bucket.take(now);
}

/** What is kept of a browser's device id: its hash (the id itself is only in that browser). */
export function deviceHash(device: string | undefined): string | null {
  return device ? createHash('sha256').update(`device:${device.toLowerCase()}`).digest('hex') : null;
}

/** What is kept of a joiner's address: a keyed hash, enough to see many joins from one place. */
export function addressHash(secret: string, address: string | undefined): string | null {
  return address ? createHmac('sha256', secret).update(`join-address:${address}`).digest('hex').slice(0, 32) : null;
}
