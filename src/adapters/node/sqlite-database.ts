/**
 * @module sqlite-database: the Node server's SQLite database (better-sqlite3) in WAL mode, with the repository's
 * migrations applied once each, in order. Each store opens its own connection (the conversation log, curated answers).
 * Checkpoints run in a worker thread (`wal-checkpointer`), not inside a write on the request thread (unless that
 * worker failed, when SQLite's automatic checkpoints take over again).
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkpointInWorker } from './wal-checkpointer.js';

/** The migrations the Node database takes (0001 is the Worker's corpus in D1; Node keeps its corpus in files). */
export const NODE_MIGRATIONS = ['0002_conversations.sql', '0003_curated_answers.sql'];
const MIGRATIONS_DIR = join(import.meta.dirname, '../../../migrations');

export type SqliteDatabase = Database.Database;

/** `checkpointEveryMs`: how often the checkpoint worker runs (tests set it long, to checkpoint only when they ask). */
export function openSqliteDatabase(file: string, migrations = NODE_MIGRATIONS, { checkpointEveryMs }: { checkpointEveryMs?: number } = {}): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses at most the last transactions on power loss, never consistency.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const applied = new Set(db.prepare('SELECT name FROM migrations').pluck().all() as string[]);
    const record = db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)');
    for (const name of migrations) {
      if (applied.has(name)) continue;
      const sql = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
      db.transaction(() => {
        db.exec(sql);
        record.run(name, Date.now());
      })();
    }
    const release = checkpointInWorker(db, resolve(file), checkpointEveryMs);
    const close = db.close.bind(db);
    db.close = () => {
      release();
      return close();
    };
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
