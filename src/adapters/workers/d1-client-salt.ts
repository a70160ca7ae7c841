/**
 * @module d1-client-salt: the secret salt of the client hashes on the Worker, made once and kept in D1's kv table.
 * INSERT OR IGNORE then SELECT: isolates starting together all end up with the first one written.
 */
import type { D1Database } from './bindings.js';

const KEY = 'log:client-salt';

export async function loadD1ClientSalt(db: D1Database): Promise<Uint8Array> {
  const fresh = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
  await db.prepare('INSERT OR IGNORE INTO kv (key, value) VALUES (?, ?)').bind(KEY, fresh).run();
  const hex = (await db.prepare('SELECT value FROM kv WHERE key = ?').bind(KEY).first<{ value: string }>())!.value;
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}
