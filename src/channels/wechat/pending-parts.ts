/**
 * @module pending-parts: the unsent parts of a long passive reply, per user, until the user asks for 更多 or they
 * expire. Kept in a KeyValueStore, so that 更多 works across restarts and Worker isolates.
 */
import type { KeyValueStore } from '../../core/ports.js';

export interface PendingPartsOptions {
  /** How long unsent parts wait for 更多, counted from the last part sent. */
  ttlMs: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

export interface PendingParts {
  keep(openId: string, parts: string[]): Promise<void>;
  /** The next part and how many remain after it, or undefined when nothing is waiting (or it expired). */
  next(openId: string): Promise<{ part: string; left: number } | undefined>;
  /** Forgets the parts of an earlier answer: a new question makes them stale. */
  drop(openId: string): Promise<void>;
}

export function createPendingParts(store: KeyValueStore, { ttlMs, now = Date.now }: PendingPartsOptions): PendingParts {
  const key = (openId: string) => `more:${openId}`;

  async function read(openId: string): Promise<string[]> {
    try {
      const saved = JSON.parse((await store.get(key(openId))) || 'null') as { parts: string[]; at: number } | null;
      return saved && Array.isArray(saved.parts) && now() - saved.at < ttlMs ? saved.parts : [];
    } catch {
      return [];
    }
  }

  async function keep(openId: string, parts: string[]): Promise<void> {
    await store.set(key(openId), parts.length ? JSON.stringify({ parts, at: now() }) : '');
  }

  return {
    keep,
    async next(openId) {
      const [part, ...rest] = await read(openId);
      if (part === undefined) return undefined;
      await keep(openId, rest);
      return { part, left: rest.length };
    },
    async drop(openId) {
      if (await store.get(key(openId))) await store.set(key(openId), '');
    },
  };
}
