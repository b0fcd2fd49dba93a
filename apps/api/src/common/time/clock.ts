import { Injectable } from '@nestjs/common';

/**
 * The time of the app, for rules that last a while (a flood cool-off). Production reads the
 * system clock; a test moves one app's time forward instead of sleeping (`advance`), so a
 * cool-off of seconds is checked in no time and the check does not depend on the machine's load.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Tests only: every later `now()` of this app is `ms` further on. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
