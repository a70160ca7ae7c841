/** @module admin-guard: `Authorization: Bearer <token>` checked in constant time; 403 when no token is configured. */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../../core/errors.js';
import { safeEqual } from '../../../core/safe-equal.js';

export function adminGuard(token: string | undefined): MiddlewareHandler {
  return async function adminGuard(c, next) {
    if (!token) throw new AppError('forbidden', 'The admin API (documents, conversation log) is disabled: set ADMIN_TOKEN to enable it.');
    const given = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
    if (!safeEqual(given, token)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new AppError('unauthorized', 'A valid admin token is required (Authorization: Bearer …).');
    }
    await next();
  };
}
