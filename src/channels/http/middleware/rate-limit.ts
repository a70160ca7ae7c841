/** @module rate-limit: a token bucket per client; over the limit → 429 with Retry-After. */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../../core/errors.js';

export interface RateLimitOptions {
  /** Requests allowed per minute per client; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may send at once after being idle. */
  burst?: number;
  /** Who the client is (its address); the entry knows how to tell. */
  key: (c: Context) => string;
  /** Clients remembered at most (oldest forgotten first). */
  maxClients?: number;
}

export function rateLimit({ perMinute, burst = Math.max(1, Math.ceil(perMinute / 6)), key, maxClients = 100_000 }: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return async function rateLimit(c, next) {
    if (perMinute <= 0) return next();
    const k = key(c);
    const now = Date.now();
    const b = buckets.get(k) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * refillPerMs);
    b.at = now;
    buckets.delete(k);
    buckets.set(k, b);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    if (b.tokens < 1) {
      const retry = Math.ceil((1 - b.tokens) / refillPerMs / 1000);
      c.header('Retry-After', String(retry));
      throw new AppError('rate_limited', `Too many requests; retry in ${retry} s.`);
    }
    b.tokens -= 1;
    return next();
  };
}
