/**
 * @module file-key-value-store: a KeyValueStore kept in memory and appended to a JSON-lines file (fsync per write).
 * The file is compacted atomically at start and whenever it holds twice as many lines as live keys; the most recent
 * `capacity` keys are kept.
 */
import { open, readFile, mkdir, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyValueStore } from '../../core/ports.js';
import { LruCache } from '../../core/lru-cache.js';
import { writeFileAtomic } from './atomic-write.js';
import { oneAtATime } from './one-at-a-time.js';

export async function createFileKeyValueStore(path: string, capacity = 50_000): Promise<KeyValueStore> {
  await mkdir(dirname(path), { recursive: true });
  const map = new LruCache<string, string>(capacity);
  const text = await readFile(path, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    try {
      const [k, v] = JSON.parse(line) as [string, string];
      if (typeof k === 'string' && typeof v === 'string') map.set(k, v);
    } catch {
      // A torn last line from a crash is skipped.
    }
  }
  let file: FileHandle;
  let lines = 0;
  async function compact() {
    const entries = [...map.entries()];
    await writeFileAtomic(path, entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''));
    lines = entries.length;
    file = await open(path, 'a');
  }
  await compact();
  // Appends go one after another: each line is written and synced before the next starts.
  const append = oneAtATime(async (key: string, value: string) => {
    await file.write(`${JSON.stringify([key, value])}\n`);
    await file.sync();
    if (++lines > 2 * Math.max(map.size, 1000)) {
      await file.close();
      await compact();
    }
  });
  return {
    async get(key) {
      return map.get(key);
    },
    set(key, value) {
      map.set(key, value);
      return append(key, value);
    },
  };
}
