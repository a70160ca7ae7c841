/** A bounded in-memory KeyValueStore for tests. */
import type { KeyValueStore } from '../../src/core/ports.js';
import { LruCache } from '../../src/core/lru-cache.js';

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
