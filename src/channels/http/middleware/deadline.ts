/**
 * @module deadline: a request that takes longer than its deadline gets 503 `timeout`, and the work behind it is
 * told to stop: handlers pass `requestSignal(c)` to the engine, which aborts when the client goes away or the deadline
 * passes, so a question nobody waits for any more stops using the model and the CPU.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../../core/errors.js';

// By context, not by request: a body limit may replace the request object on the way.
const signals = new WeakMap<Context, AbortSignal>();

/** The signal for a request's work: the client's disconnect, or its deadline when one is set. */
export const requestSignal = (c: Context): AbortSignal => signals.get(c) ?? c.req.raw.signal;

export function deadline(ms: number): MiddlewareHandler {
  return async function deadline(c, next) {
    const controller = new AbortController();
    signals.set(c, AbortSignal.any([c.req.raw.signal, controller.signal]));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new AppError('timeout', `The request took longer than ${ms} ms.`);
        controller.abort(error);
        reject(error);
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
