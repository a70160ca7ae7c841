/** @module api-app: the question API as a Hono sub-app: health, ask and chat. */
import { Hono } from 'hono';
import type { Engine } from '../../core/engine.js';
import { AppError } from '../../core/errors.js';
import { readJson } from './read-json.js';
import { AskRequest, ChatRequest } from './schemas.js';

export interface ApiDeps {
  /** The engine once the index is ready; `undefined` while it is being built. */
  engine: () => Engine | undefined;
  maxBodyBytes?: number;
}

export function createApiApp({ engine, maxBodyBytes = 64 * 1024 }: ApiDeps): Hono {
  const app = new Hono();
  const ready = (): Engine => {
    const e = engine();
    if (!e) throw new AppError('not_ready', 'The index is still being built; try again shortly.');
    return e;
  };

  app.get('/healthz', (c) => {
    const e = engine();
    if (!e) return c.json({ status: 'starting' }, 503);
    return c.json({ status: 'ok', documents: e.index.listDocuments().length, chunks: e.index.chunkCount });
  });

  app.post('/api/ask', async (c) => {
    const body = await readJson(c, AskRequest, maxBodyBytes);
    return c.json(await ready().ask(body.question, { topK: body.topK, signal: c.req.raw.signal }));
  });

  app.post('/api/chat', async (c) => {
    const body = await readJson(c, ChatRequest, maxBodyBytes);
    return c.json(await ready().chat(body.messages, { topK: body.topK, signal: c.req.raw.signal }));
  });

  return app;
}
