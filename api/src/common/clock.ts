import { Injectable } from '@nestjs/common';

/**
 * The time source of every service. Production reads the wall clock; the demo seeder
 * replays 18 months of history by setting the time before each action.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;
  now(): Date { return this.fixed ? new Date(this.fixed.getTime()) : new Date(); }
  /** Only for seeding and tests. */
  set(at: Date | null): void { this.fixed = at; }
}
