/**
 * @module sessions: admin console sessions. A session id is random and says nothing about the admin token; the
 * session (its CSRF token and expiry) is kept server-side in a KeyValueStore: memory on Node, D1 on the Worker (so
 * that every isolate knows it). Expiry is read from the injected clock.
 */
import type { KeyValueStore } from '../../core/ports.js';

export interface Session {
  id: string;
  csrf: string;
  expires: number;
}

export interface Sessions {
  create(): Promise<Session>;
  /** The live session with this id; undefined when unknown, ended or expired. */
  get(id: string | undefined): Promise<Session | undefined>;
  end(id: string): Promise<void>;
}

const PREFIX = 'admin-session:';
const ENDED = 'ended';

/** 32 random bytes, hex. */
export const randomToken = (): string => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A KeyValueStore in memory that forgets entries past their expiry (written as the value's `expires`). */
export function memorySessionStore(now: () => number): KeyValueStore {
  const entries = new Map<string, string>();
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      for (const [k, v] of entries) if (v === ENDED || (JSON.parse(v) as Session).expires <= now()) entries.delete(k);
      if (value !== ENDED) entries.set(key, value);
      else entries.delete(key);
    },
  };
}

export function createSessions({ ttlMs, now = Date.now, store = memorySessionStore(now) }: { ttlMs: number; now?: () => number; store?: KeyValueStore }): Sessions {
  return {
    async create() {
      const session = { id: randomToken(), csrf: randomToken(), expires: now() + ttlMs };
      await store.set(PREFIX + session.id, JSON.stringify(session));
      return session;
    },
    async get(id) {
      if (!id || !/^[0-9a-f]{64}$/.test(id)) return undefined;
      const value = await store.get(PREFIX + id);
      if (!value || value === ENDED) return undefined;
      const session = JSON.parse(value) as Session;
      return session.expires > now() ? session : undefined;
    },
    async end(id) {
      await store.set(PREFIX + id, ENDED);
    },
  };
}
