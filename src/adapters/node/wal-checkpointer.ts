/**
 * @module wal-checkpointer: SQLite's WAL checkpoints moved off the request thread. A checkpoint copies the
 * write-ahead log into the database and fsyncs both; while the disk is busy writing other files (an index
 * generation being saved), that fsync waited up to 0.8 s here, and with SQLite's own automatic checkpoints it ran
 * inside an answer's log write, holding the event loop. Connections opened through `openSqliteDatabase` have
 * automatic checkpoints off; one worker thread per database file, with its own connection, runs a passive
 * checkpoint every `everyMs` (a no-op when the log has nothing new). Should the worker fail, the connections get
 * SQLite's automatic checkpoints back, so the log never grows without bound. The worker makes a last checkpoint when
 * the file's last connection is released; a process that exits at once may leave the log beside the database, which
 * SQLite replays at the next open (nothing is lost).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own default: an automatic checkpoint once the log holds this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
const EVERY_MS = 1000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  return { log: row.log, checkpointed: row.checkpointed };
};
const timer = setInterval(() => {
  try { checkpoint(); } catch (err) { parentPort.postMessage({ failed: String(err && err.message || err) }); }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m.type === 'now') {
    try { parentPort.postMessage({ id: m.id, result: checkpoint() }); }
    catch (err) { parentPort.postMessage({ id: m.id, failed: String(err && err.message || err) }); }
  } else if (m.type === 'stop') {
    clearInterval(timer);
    try { checkpoint(); } catch {}
    db.close();
    parentPort.close();
  }
});
`;

export interface CheckpointResult {
  /** Pages in the write-ahead log, and how many of them are now in the database. */
  log: number;
  checkpointed: number;
}

interface Checkpointer {
  worker: Worker;
  connections: Set<Database.Database>;
  pending: Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>;
  next: number;
  failed?: Error;
}

const byFile = new Map<string, Checkpointer>();

function fallBack(file: string, c: Checkpointer, error: Error): void {
  if (c.failed) return;
  c.failed = error;
  if (byFile.get(file) === c) byFile.delete(file);
  for (const db of c.connections) if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  for (const p of c.pending.values()) p.reject(error);
  c.pending.clear();
  void c.worker.terminate();
}

/**
 * Turns `db`'s automatic checkpoints off and has the file's checkpoint worker do them. Returns the release to call
 * when `db` closes (the worker stops, after a last checkpoint, once the file's last connection is released).
 */
export function checkpointInWorker(db: Database.Database, file: string, everyMs = EVERY_MS): () => void {
  if (db.memory) return () => {};
  db.pragma('wal_autocheckpoint = 0');
  let c = byFile.get(file);
  if (!c) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file, everyMs },
      // Plain JavaScript: none of the parent's loaders (tsx) are needed.
      execArgv: [],
    });
    worker.unref();
    const created: Checkpointer = { worker, connections: new Set(), pending: new Map(), next: 0 };
    worker.on('message', (m: { id?: number; result?: CheckpointResult; failed?: string }) => {
      if (m.id === undefined) {
        if (m.failed) fallBack(file, created, new Error(`WAL checkpoint failed: ${m.failed}`));
        return;
      }
      const p = created.pending.get(m.id);
      created.pending.delete(m.id);
      if (m.failed) p?.reject(new Error(`WAL checkpoint failed: ${m.failed}`));
      else p?.resolve(m.result!);
    });
    worker.on('error', (err: unknown) => fallBack(file, created, err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', () => {
      if (created.connections.size > 0) fallBack(file, created, new Error('the WAL checkpoint worker exited'));
    });
    byFile.set(file, created);
    c = created;
  }
  c.connections.add(db);
  const owner = c;
  return () => {
    if (!owner.connections.delete(db) || owner.connections.size > 0 || owner.failed) return;
    if (byFile.get(file) === owner) byFile.delete(file);
    owner.worker.postMessage({ type: 'stop' });
  };
}

/** Checkpoints `file` now, in its worker (for tests and tools); rejects when it has none or it failed. */
export function checkpointNow(file: string): Promise<CheckpointResult> {
  const c = byFile.get(file);
  if (!c) return Promise.reject(new Error(`no checkpoint worker for ${file}`));
  const id = c.next++;
  return new Promise((resolve, reject) => {
    c.pending.set(id, { resolve, reject });
    c.worker.postMessage({ type: 'now', id });
  });
}

/** The worker of `file`, if any (tests stop it to check the fallback). */
export function checkpointWorkerOf(file: string): Worker | undefined {
  return byFile.get(file)?.worker;
}
