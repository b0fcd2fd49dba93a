import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';

/** Wrong passwords allowed for one (address, account) before any wait. */
const FREE_FAILURES = 3;
/** The first wait; each further failure doubles it, up to MAX_DELAY_MS. */
const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 15 * 60_000;
/** A pair left alone this long starts afresh. */
const FORGET_MS = 60 * 60_000;
/** Above this many tracked pairs, forgotten ones are swept on the next failure. */
const SWEEP_ABOVE = 10_000;

interface Failures {
  count: number;
  last: number;
  /** No attempt is examined before this instant. */
  waitUntil: number;
}

/**
 * Slows password guessing per (client address, account), on this node. Each failure past the
 * first few doubles the wait before that address may try that account again: an attacker far
 * away cannot lock the real user out (their address is another pair), and a guesser gets a
 * handful of tries an hour. A success clears the pair.
 */
@Injectable()
export class LoginThrottle {
  private readonly pairs = new Map<string, Failures>();

  /** Throws LOGIN_THROTTLED while this pair must wait. */
  check(address: string, email: string, now = Date.now()): void {
    const entry = this.pairs.get(keyOf(address, email));
    if (entry && entry.waitUntil > now) throw new AppError('LOGIN_THROTTLED');
  }

  failed(address: string, email: string, now = Date.now()): void {
    const key = keyOf(address, email);
    const previous = this.pairs.get(key);
    const count = previous && now - previous.last < FORGET_MS ? previous.count + 1 : 1;
    const delay = count <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (count - FREE_FAILURES - 1));
    this.pairs.set(key, { count, last: now, waitUntil: now + delay });
    if (this.pairs.size > SWEEP_ABOVE) this.sweep(now);
  }

  succeeded(address: string, email: string): void {
    this.pairs.delete(keyOf(address, email));
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.pairs) if (now - entry.last >= FORGET_MS && entry.waitUntil <= now) this.pairs.delete(key);
  }
}

function keyOf(address: string, email: string): string {
  return `${address}\n${email}`;
}
