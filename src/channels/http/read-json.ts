/** @module read-json: reads a JSON request body: content type, size and syntax checked, then validated by a schema. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../core/errors.js';

export async function readJson<T extends z.ZodType>(c: Context, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > maxBytes) throw new AppError('payload_too_large', `The body is larger than ${maxBytes} bytes.`);
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > maxBytes) throw new AppError('payload_too_large', `The body is larger than ${maxBytes} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer));
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid UTF-8 JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AppError('bad_request', `${where}${issue?.message ?? 'invalid body'}`);
  }
  return parsed.data;
}
