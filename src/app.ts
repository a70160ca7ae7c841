/** @module app: the whole HTTP surface, runtime-free: channels mounted on one Hono app with one error handler. */
import { Hono } from 'hono';
import type { Engine } from './core/engine.js';
import { AppError } from './core/errors.js';
import { createApiApp } from './channels/http/api-app.js';
import { errorResponse, toAppError } from './channels/http/error-response.js';

export interface AppLogger {
  error(obj: object, msg?: string): void;
}

export interface AppDeps {
  engine: () => Engine | undefined;
  log?: AppLogger;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', createApiApp({ engine: deps.engine }));
  app.notFound((c) => errorResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.status >= 500) deps.log?.error({ err, code: e.code, path: c.req.path }, 'request failed');
    return errorResponse(c, e);
  });
  return app;
}
