/** @module api-app: the question API as a Hono sub-app: health, ask, chat (JSON or SSE), search. */
import { Hono, type Context } from 'hono';
import type { Engine } from '../../core/engine.js';
import type { Answer, ChatMessage as Message, StageTimings } from '../../core/types.js';
import type { Metrics } from '../../core/observability.js';
import { AppError } from '../../core/errors.js';
import { readJson } from './read-json.js';
import { NOT_READY_RETRY_S, requireEngine } from './require-engine.js';
import { AskRequest, ChatRequest, SearchQuery } from './schemas.js';
import { answerPieces } from './answer-pieces.js';
import { sseSession } from './sse-session.js';
import { requestSignal } from './middleware/deadline.js';
import { createAnswerLog, type AnswerLog } from '../../core/conversation/answer-log.js';

export interface ApiDeps {
  /** The engine once the index is ready; `undefined` while it is being built. */
  engine: () => Engine | undefined;
  metrics?: Metrics;
  maxBodyBytes?: number;
  /** Gives each answer its id and logs it; by default ids only. */
  log?: AnswerLog;
  /** The client (its address) as the log should know it, hashed there. */
  clientKey?: (c: Context) => string | undefined;
}

export function createApiApp({ engine, metrics, maxBodyBytes = 64 * 1024, log = createAnswerLog({ metrics }), clientKey = () => undefined }: ApiDeps): Hono {
  const app = new Hono();
  const ready = () => requireEngine(engine);
  /** The answer as sent: with its id, once it is queued for the log. */
  const logged = (c: Context, question: string, started: number) => (answer: Answer) => ({
    id: log.record({
      channel: c.req.header('x-client') === 'widget' ? 'widget' : 'http',
      question: question.trim(),
      answer,
      latencyMs: performance.now() - started,
      client: clientKey(c),
    }),
    ...answer,
  });
  const record = (timings: StageTimings) => {
    for (const [stage, ms] of Object.entries(timings)) metrics?.stage(stage, ms);
  };

  app.get('/healthz', async (c) => {
    const e = engine();
    if (!e) return c.json({ status: 'starting' }, 503, { 'Retry-After': String(NOT_READY_RETRY_S) });
    return c.json({ status: 'ok', ...(await e.counts()) });
  });

  app.post('/api/ask', async (c) => {
    const started = performance.now();
    const body = await readJson(c, AskRequest, maxBodyBytes);
    const timings: StageTimings = {};
    const answer = await ready().ask(body.question, { topK: body.topK, signal: requestSignal(c), timings });
    record(timings);
    return c.json(logged(c, body.question, started)(answer));
  });

  app.post('/api/chat', async (c) => {
    const started = performance.now();
    const body = await readJson(c, ChatRequest, maxBodyBytes);
    const e = ready();
    const question = body.messages[body.messages.length - 1].content;
    e.validate(question);
    const timings: StageTimings = {};
    if (!body.stream) {
      const answer = await e.chat(body.messages, { topK: body.topK, signal: requestSignal(c), timings });
      record(timings);
      return c.json(logged(c, question, started)(answer));
    }
    return streamAnswer(
      c,
      (signal) => e.chat(body.messages as Message[], { topK: body.topK, signal, timings }).finally(() => record(timings)).then(logged(c, question, started)),
      metrics,
    );
  });

  app.get('/api/search', async (c) => {
    const parsed = SearchQuery.safeParse({ q: c.req.query('q'), k: c.req.query('k') });
    if (!parsed.success) throw new AppError('bad_request', `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    return c.json(await ready().search(parsed.data.q, parsed.data.k, requestSignal(c)));
  });

  return app;
}

/**
 * Server-Sent Events: `delta` pieces of the answer in order, then `citations`, then `done` with the whole body.
 * A client that goes away aborts the work (the signal reaches the engine) and nothing more is written.
 */
function streamAnswer(c: Context, produce: (signal: AbortSignal) => Promise<Answer & { id: string }>, metrics?: Metrics): Response {
  return sseSession(
    c,
    metrics,
    async (stream, signal) => {
      const answer = await produce(signal);
      for (const text of answerPieces(answer.answer)) {
        if (stream.aborted) return;
        await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) });
      }
      if (stream.aborted) return;
      await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: answer.citations }) });
      await stream.writeSSE({ event: 'done', data: JSON.stringify(answer) });
    },
    (error) => ({ event: 'error', data: JSON.stringify({ error }) }),
  );
}
