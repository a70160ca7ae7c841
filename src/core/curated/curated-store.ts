/**
 * @module curated-store: the port for curated answers (SQLite on Node, D1 on the Worker). Asynchronous so that a
 * remote store fits the same shape.
 */
import type { CuratedAnswer } from './curated-types.js';

export interface CuratedStore {
  /** Every pair, oldest first. */
  list(): Promise<CuratedAnswer[]>;
  get(id: string): Promise<CuratedAnswer | undefined>;
  /** Inserts the pair, or replaces the one with its id. */
  put(pair: CuratedAnswer): Promise<void>;
  /** False when no pair has this id. */
  delete(id: string): Promise<boolean>;
  /** Changes whenever a pair is added, replaced or deleted (by this process or another): tells a cache it is stale. */
  version(): Promise<string>;
}
