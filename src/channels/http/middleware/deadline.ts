/**
 * @module deadline: a request that takes longer than its deadline gets 503 `timeout`, and the work behind it is
 * told to stop: handlers pass `requestSignal(c)` to the engine, which aborts when the client goes away or the deadline
 * passes, so a question nobody waits for any more stops using the model and the CPU. An upload's deadline settles: the
 * answer waits until the upload has been undone.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../../core/errors.js';

// By context, not by request: a body limit may replace the request object on the way.
const signals = new WeakMap<Context, AbortSignal>();

/** The signal for a request's work: the client's disconnect, or its deadline when one is set. */
export const requestSignal = (c: Context): AbortSignal => signals.get(c) ?? c.req.raw.signal;

export interface DeadlineOptions {
  /** The error a request past its deadline ends with (default: 503 `timeout`). */
  error?: (ms: number) => AppError;
  /**
   * Answer only once the work has stopped, not at the deadline: for work that must be undone before the client hears
   * of it (an upload). The work must honour `requestSignal(c)`; whatever it ends with is the answer.
   */
  settle?: boolean;
}

export function deadline(ms: number, { error = () => new AppError('timeout', `The request took longer than ${ms} ms.`), settle = false }: DeadlineOptions = {}): MiddlewareHandler {
  return async function deadline(c, next) {
    const controller = new AbortController();
    signals.set(c, AbortSignal.any([c.req.raw.signal, controller.signal]));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = error(ms);
        controller.abort(reason);
        reject(reason);
      }, ms);
    });
    if (settle) expired.catch(() => undefined);
    try {
      await (settle ? next() : Promise.race([next(), expired]));
    } finally {
      clearTimeout(timer);
    }
  };
}
