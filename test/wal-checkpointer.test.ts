import { describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { join } from 'node:path';
import { openSqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { checkpointNow, checkpointWorkerOf } from '../src/adapters/node/wal-checkpointer.js';
import { tempDir } from './support/open-test-index.js';

async function filled(name: string) {
  const file = join(await tempDir('zhida-wal-'), name);
  // The worker's own timer set far off: here it checkpoints only when asked.
  const db = openSqliteDatabase(file, undefined, { checkpointEveryMs: 3_600_000 });
  db.exec('CREATE TABLE filler (body TEXT)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  // Some 6 MB in small transactions: past SQLite's automatic checkpoint (1000 pages), as a busy answer log writes.
  for (let t = 0; t < 150; t++) db.transaction(() => { for (let i = 0; i < 10; i++) insert.run('长'.repeat(1300)); })();
  return { file, db };
}

describe('WAL checkpoints off the request thread', () => {
  it('the request thread never checkpoints; the worker does, on its own connection', async () => {
    const { file, db } = await filled('a.db');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Nothing was copied back by the writes themselves: the log holds them all, past SQLite's 1000 pages.
    const done = await checkpointNow(file);
    expect(done.log).toBeGreaterThan(1000);
    expect(done.checkpointed).toBe(done.log);
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(1500);
    const worker = checkpointWorkerOf(file)!;
    db.close();
    expect(checkpointWorkerOf(file)).toBeUndefined();
    await once(worker, 'exit');
  });

  it('a failed worker hands checkpoints back to SQLite, so the log cannot grow without bound', async () => {
    const { file, db } = await filled('b.db');
    const worker = checkpointWorkerOf(file)!;
    await worker.terminate();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(checkpointNow(file)).rejects.toThrow(/no checkpoint worker/);
    db.close();
  });

  it('connections to one file share one worker, which stops with the last of them', async () => {
    const { file, db } = await filled('c.db');
    const other = openSqliteDatabase(file);
    const worker = checkpointWorkerOf(file)!;
    db.close();
    expect(checkpointWorkerOf(file)).toBe(worker);
    other.close();
    expect(checkpointWorkerOf(file)).toBeUndefined();
    await once(worker, 'exit');
    // Opened again: a worker of its own, which checkpoints what the earlier connections left.
    const again = openSqliteDatabase(file, undefined, { checkpointEveryMs: 3_600_000 });
    expect(checkpointWorkerOf(file)).not.toBe(worker);
    const done = await checkpointNow(file);
    expect(done.checkpointed).toBe(done.log);
    expect(again.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(1500);
    again.close();
  });
});
