/** @module read-query: validates a request's query string with a schema; a bad value is a 400 naming its parameter. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../core/errors.js';

export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
