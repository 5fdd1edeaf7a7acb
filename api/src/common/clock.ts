import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

/**
 * The time source of every service. Production reads the wall clock; the demo seeder replays
 * 18 months of history by running each action "at" a past instant (per async context, so
 * several case histories can be replayed concurrently).
 */
@Injectable()
export class Clock {
  private readonly at = new AsyncLocalStorage<Date>();
  private offsetMs = 0;

  now(): Date {
    const fixed = this.at.getStore();
    return fixed ? new Date(fixed.getTime()) : new Date(Date.now() + this.offsetMs);
  }

  /**
   * Moves the wall clock of this app instance by `ms` for every later request (tests only: HTTP
   * requests do not run in the test's async context, so `runAt` cannot reach them).
   */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Runs `fn` with the clock reading `at` (seeding and tests only). */
  runAt<T>(at: Date, fn: () => Promise<T>): Promise<T> {
    return this.at.run(at, fn);
  }
}
