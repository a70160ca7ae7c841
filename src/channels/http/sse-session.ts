/** @module sse-session: a Server-Sent Events response whose work stops when the client goes away. */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Metrics } from '../../core/observability.js';
import { toAppError } from './error-response.js';
import { requestSignal } from './middleware/deadline.js';

/**
 * Runs `work` with a signal that aborts when the client disconnects; the stream counts as in flight while open.
 * An error before the end is sent as one last event made by `errorEvent`.
 */
export function sseSession(
  c: Context,
  metrics: Metrics | undefined,
  work: (stream: SSEStreamingApi, signal: AbortSignal) => Promise<void>,
  errorEvent: (error: { code: string; message: string }) => { event?: string; data: string },
): Response {
  return streamSSE(c, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort(new DOMException('client went away', 'AbortError')));
    metrics?.inflight(1);
    try {
      await work(stream, AbortSignal.any([abort.signal, requestSignal(c)]));
    } catch (err) {
      if (stream.aborted) return;
      const e = toAppError(err);
      await stream.writeSSE(errorEvent({ code: e.code, message: e.message }));
    } finally {
      metrics?.inflight(-1);
    }
  });
}
