/** @module observe: per-request structured log line and metrics (count, latency by route, in-flight). */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger, Metrics } from '../../../core/observability.js';

export function observe({ logger, metrics }: { logger: Logger; metrics?: Metrics }): MiddlewareHandler {
  return async function observe(c, next) {
    const started = performance.now();
    metrics?.inflight(1);
    try {
      await next();
    } finally {
      metrics?.inflight(-1);
      const seconds = (performance.now() - started) / 1000;
      const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
      const route = c.res.status === 404 && !handlers.length ? 'unmatched' : (handlers.at(-1)?.path ?? 'unmatched');
      metrics?.request(route, c.req.method, c.res.status, seconds);
      const line = { reqId: c.get('requestId'), method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 10000) / 10 };
      // 503 with Retry-After is the server saying “starting” or “busy”, not a fault.
      if (c.res.status >= 500 && !c.res.headers.has('Retry-After')) logger.error(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
