/** @module memory-store: a bounded in-memory KeyValueStore (tests, and runtimes that keep state elsewhere). */
import type { KeyValueStore } from './ports.js';
import { LruCache } from './lru-cache.js';

export function createMemoryStore(capacity = 100_000): KeyValueStore {
  const map = new LruCache<string, string>(capacity);
  return {
    async get(key) {
      return map.get(key);
    },
    async set(key, value) {
      map.set(key, value);
    },
  };
}
