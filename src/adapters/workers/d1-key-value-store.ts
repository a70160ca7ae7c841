/** @module d1-key-value-store: the KeyValueStore on a D1 table (WeChat delivery keys survive across isolates). */
import type { KeyValueStore } from '../../core/ports.js';
import type { D1Database } from './bindings.js';

export function createD1KeyValueStore(db: D1Database): KeyValueStore {
  return {
    async get(key) {
      return (await db.prepare('SELECT value FROM kv WHERE key = ?').bind(key).first<{ value: string }>())?.value ?? undefined;
    },
    async set(key, value) {
      await db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').bind(key, value).run();
    },
  };
}
