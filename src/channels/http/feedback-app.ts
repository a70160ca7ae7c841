/** @module feedback-app: `POST /api/feedback`, a 👍 or 👎 (and an optional comment) on an answer by its id; no token (the widget calls it). */
import { Hono } from 'hono';
import type { AnswerLog } from '../../core/conversation/answer-log.js';
import { AppError } from '../../core/errors.js';
import { readJson } from './read-json.js';
import { FeedbackRequest } from './conversation-schemas.js';

export interface FeedbackDeps {
  log: AnswerLog;
  maxBodyBytes?: number;
}

export function createFeedbackApp({ log, maxBodyBytes = 64 * 1024 }: FeedbackDeps): Hono {
  const app = new Hono();
  app.post('/api/feedback', async (c) => {
    const body = await readJson(c, FeedbackRequest, maxBodyBytes);
    if (!log.keeps) throw new AppError('not_found', `No answer ${body.id}: this deployment keeps no conversation log.`);
    const comment = body.comment?.trim() || undefined;
    if (!(await log.rate(body.id, body.rating, comment))) throw new AppError('not_found', `No answer has the id ${body.id} (or it is past the log’s retention).`);
    return c.body(null, 204);
  });
  return app;
}
