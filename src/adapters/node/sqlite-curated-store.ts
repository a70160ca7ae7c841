/** @module sqlite-curated-store: the CuratedStore port on SQLite (better-sqlite3), in the server's database. */
import type { CuratedStore } from '../../core/curated/curated-store.js';
import { DELETE_SQL, GET_SQL, LIST_SQL, PUT_SQL, VERSION_SQL, fromRow, putParams, versionOf, type CuratedRow } from '../../core/curated/curated-sql.js';
import type { SqliteDatabase } from './sqlite-database.js';

export function createSqliteCuratedStore(db: SqliteDatabase): CuratedStore {
  const list = db.prepare(LIST_SQL);
  const get = db.prepare(GET_SQL);
  const put = db.prepare(PUT_SQL);
  const remove = db.prepare(DELETE_SQL);
  const version = db.prepare(VERSION_SQL);
  return {
    async list() {
      return (list.all() as CuratedRow[]).map(fromRow);
    },
    async get(id) {
      const row = get.get(id) as CuratedRow | undefined;
      return row ? fromRow(row) : undefined;
    },
    async put(pair) {
      put.run(...putParams(pair));
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
    async version() {
      return versionOf(version.get() as { n: number; latest: number });
    },
  };
}
