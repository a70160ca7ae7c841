/** @module app: the whole HTTP surface, runtime-free: middleware and channels on one Hono app with one error handler. */
import { Hono, type Context } from 'hono';
import { requestId } from 'hono/request-id';
import { cors } from 'hono/cors';
import type { Engine } from './core/engine.js';
import type { Library } from './core/index/library.js';
import { AppError } from './core/errors.js';
import { silentLogger, type Logger, type Metrics } from './core/observability.js';
import { createApiApp } from './channels/http/api-app.js';
import { createOpenAIApp } from './channels/http/openai-app.js';
import { createDocumentsApp } from './channels/http/documents-app.js';
import { openApiDocument } from './channels/http/openapi.js';
import { errorResponse, toAppError } from './channels/http/error-response.js';
import { observe } from './channels/http/middleware/observe.js';
import { rateLimit } from './channels/http/middleware/rate-limit.js';
import { deadline } from './channels/http/middleware/deadline.js';
import { bodyLimit } from './channels/http/middleware/body-limit.js';
import { NOT_READY_RETRY_S } from './channels/http/require-engine.js';
import { createFeedbackApp } from './channels/http/feedback-app.js';
import { createAdminLogApp } from './channels/http/admin-log-app.js';
import { createAnswerLog, type AnswerLog } from './core/conversation/answer-log.js';
import { createAdminQaApp } from './channels/http/admin-qa-app.js';
import type { CuratedAnswers } from './core/curated/curated-answers.js';
import { createAdminConsoleApp } from './channels/admin/admin-console-app.js';
import type { ConsoleDocuments } from './channels/admin/console-types.js';
import type { Sessions } from './channels/admin/sessions.js';
import { libraryDocuments } from './channels/admin/library-documents.js';

export interface HttpSettings {
  /** Origins allowed to call the API from a browser (`*` for any); same-origin pages need none. */
  allowedOrigins: string[];
  /** Per-client requests per minute on the public question routes; 0 turns it off. */
  rateLimitPerMinute: number;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** Time to index an upload, after which it is undone and answered 503 `upload_timeout`. */
  uploadTimeoutMs: number;
  adminToken?: string;
  /** How long an admin console session lasts after login. */
  adminSessionMs: number;
}

export const DEFAULT_HTTP: HttpSettings = {
  allowedOrigins: [],
  rateLimitPerMinute: 300,
  requestTimeoutMs: 15_000,
  maxBodyBytes: 256 * 1024,
  maxUploadBytes: 20 * 1024 * 1024,
  uploadTimeoutMs: 30 * 60_000,
  adminSessionMs: 12 * 3_600_000,
};

export interface AppDeps {
  engine: () => Engine | undefined;
  library?: () => Library | undefined;
  logger?: Logger;
  metrics?: Metrics;
  http?: Partial<HttpSettings>;
  /** Identifies the client for rate limiting and, hashed, in the conversation log (its address, from the runtime). */
  clientKey?: (c: Context) => string;
  /**
   * Gives answers their ids and logs them (write-behind); the same one must be given to the channels (WeChat). By
   * default answers get ids and are counted but nothing is kept.
   */
  answers?: AnswerLog;
  /**
   * Curated answers (问答对) for the admin API: the same ones the engine was decorated with (withCurated);
   * undefined while they are not ready. Without it, the routes answer 404.
   */
  curated?: () => CuratedAnswers | undefined;
  /** The admin console's documents (by default the Node library's), its sessions (by default in memory) and clock. */
  console?: { documents?: () => ConsoleDocuments | undefined; sessions?: Sessions; now?: () => number; calibrated?: boolean };
  /** Extra channels (widget, WeChat) mounted at the root. */
  channels?: Hono[];
  /** Document management; by default the Node one, on `library`. */
  documents?: Hono;
  version?: string;
}

const PUBLIC_ROUTES = ['/api/ask', '/api/chat', '/api/search', '/api/feedback', '/v1/*'];

/** Route patterns as regular expressions, for telling 405 from 404. */
function patternOf(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+').replace(/\*/g, '.*')}$`);
}

export function createApp(deps: AppDeps): Hono {
  const http = { ...DEFAULT_HTTP, ...deps.http };
  const logger = deps.logger ?? silentLogger;
  const app = new Hono();
  const answers = deps.answers ?? createAnswerLog({ metrics: deps.metrics, logger });
  const clientKey = deps.clientKey;
  const origins = new Set(http.allowedOrigins);
  const originAllowed = (origin: string) => origins.has('*') || origins.has(origin);

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(observe({ logger, metrics: deps.metrics }));
  app.use(async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS' && origin && !originAllowed(origin)) {
      throw new AppError('forbidden', `Origin ${origin} is not allowed (ALLOWED_ORIGINS).`);
    }
    await next();
  });
  app.use(
    cors({
      origin: (origin) => (origin && originAllowed(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', 'X-Client'],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  const limit = rateLimit({ perMinute: http.rateLimitPerMinute, key: clientKey ?? (() => 'anonymous') });
  const tooSlow = deadline(http.requestTimeoutMs);
  const tooBig = bodyLimit(http.maxBodyBytes);
  for (const route of PUBLIC_ROUTES) app.use(route, limit, tooSlow, tooBig);
  // Token guesses against the console's login count like questions.
  app.use('/admin/login', limit);

  const openapi = openApiDocument(deps.version ?? '0.0.0');
  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/metrics', async (c) => {
    if (!deps.metrics) throw new AppError('not_found', 'Metrics are not enabled.');
    const e = deps.engine();
    if (e) {
      const { documents, chunks } = await e.counts();
      deps.metrics.corpus(documents, chunks);
    }
    const { contentType, body } = await deps.metrics.render();
    return c.body(body, 200, { 'Content-Type': contentType });
  });
  const answering = { engine: deps.engine, metrics: deps.metrics, maxBodyBytes: http.maxBodyBytes, log: answers, clientKey };
  app.route('/', createApiApp(answering));
  app.route('/', createOpenAIApp(answering));
  app.route('/', createFeedbackApp({ log: answers, maxBodyBytes: http.maxBodyBytes }));
  app.route('/', createAdminLogApp({ log: answers, adminToken: http.adminToken }));
  app.route('/', createAdminQaApp({ curated: deps.curated, adminToken: http.adminToken, maxBodyBytes: http.maxBodyBytes }));
  app.route('/', deps.documents ?? createDocumentsApp({ library: deps.library ?? (() => undefined), adminToken: http.adminToken, maxUploadBytes: http.maxUploadBytes, uploadTimeoutMs: http.uploadTimeoutMs }));
  const library = deps.library;
  app.route(
    '/',
    createAdminConsoleApp({
      adminToken: http.adminToken,
      log: answers,
      curated: deps.curated,
      calibrated: deps.console?.calibrated,
      documents:
        deps.console?.documents ??
        (library &&
          (() => {
            const l = library();
            return l && libraryDocuments(l);
          })),
      sessions: deps.console?.sessions,
      sessionTtlMs: http.adminSessionMs,
      now: deps.console?.now,
      maxBodyBytes: http.maxBodyBytes,
      maxUploadBytes: http.maxUploadBytes,
    }),
  );
  for (const channel of deps.channels ?? []) app.route('/', channel);

  app.notFound((c) => {
    const allowed = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && patternOf(r.path).test(c.req.path)).map((r) => r.method))];
    if (allowed.length) {
      c.header('Allow', allowed.join(', '));
      return errorResponse(c, new AppError('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(' or ')}.`));
    }
    return errorResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`));
  });
  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === 'not_ready') return errorResponse(c, e, { 'Retry-After': String(NOT_READY_RETRY_S) });
    if (e.status >= 500) logger.error({ err: e.cause ?? err, code: e.code, path: c.req.path }, 'request failed');
    return errorResponse(c, e);
  });
  return app;
}
