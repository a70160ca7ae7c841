/**
 * @module body-limit: 413 for a body over the limit. A declared Content-Length is checked from the header alone;
 * only a chunked body is counted as it streams (hono's bodyLimit), so ordinary requests keep the server's fast body
 * path instead of being wrapped in a web stream.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as streamingLimit } from 'hono/body-limit';
import { AppError } from '../../../core/errors.js';

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new AppError('payload_too_large', `The body is larger than ${maxBytes} bytes.`);
  };
  const streaming = streamingLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function bodyLimit(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxBytes ? tooLarge() : next();
    }
    return streaming(c, next);
  };
}
