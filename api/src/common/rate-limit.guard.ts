import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from './domain-error.js';

export const RATE_LIMIT = 'sutiao:rate-limit';

/** Limits a public endpoint per client address: `limit` requests per `windowMs`. */
export const RateLimit = (limit: number, windowMs: number) => SetMetadata(RATE_LIMIT, { limit, windowMs });

/**
 * A fixed-window counter per (route, address), in memory: enough to blunt scraping of the
 * public verification endpoint. (Logins are limited per account in the database instead.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const rule = this.reflector.get<{ limit: number; windowMs: number } | undefined>(RATE_LIMIT, ctx.getHandler());
    if (!rule) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const key = `${req.route?.path ?? req.path}|${req.ip}`;
    const now = Date.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= rule.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now, rule.windowMs);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    if (++w.count > rule.limit) {
      throw new DomainError('RATE_LIMITED', `Too many requests; try again in ${Math.ceil((w.start + rule.windowMs - now) / 1000)} s`);
    }
    return true;
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, v] of this.windows) if (now - v.start >= windowMs) this.windows.delete(k);
  }
}
