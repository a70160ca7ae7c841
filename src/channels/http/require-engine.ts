/** @module require-engine: the engine, or 503 not_ready while the index is being built. */
import type { Engine } from '../../core/engine.js';
import { AppError } from '../../core/errors.js';

/** What a client is told to wait before asking again while the index loads (Retry-After, seconds). */
export const NOT_READY_RETRY_S = 5;

export function requireEngine(engine: () => Engine | undefined): Engine {
  const e = engine();
  if (!e) throw new AppError('not_ready', 'The index is still being built; try again shortly.');
  return e;
}
