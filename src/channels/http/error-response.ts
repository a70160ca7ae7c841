/** @module error-response: the one place errors become JSON responses `{"error": {"code", "message"}}`. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, ERROR_CODES, type ErrorCode } from '../../core/errors.js';

const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'not_ready',
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.cause instanceof AppError) return err.cause;
    const code = BY_STATUS[err.status] ?? (err.status >= 500 ? 'internal' : 'bad_request');
    return new AppError(code, err.message || ERROR_CODES[code].message);
  }
  if (err instanceof DOMException && err.name === 'AbortError') return new AppError('timeout', 'The request was aborted.');
  return new AppError('internal', ERROR_CODES.internal.message, { cause: err });
}

export function errorResponse(c: Context, err: unknown, headers?: Record<string, string>): Response {
  const e = toAppError(err);
  return c.json({ error: { code: e.code, message: e.message } }, e.status as ContentfulStatusCode, headers);
}
