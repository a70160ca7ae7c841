/** @module d1-curated-store: the CuratedStore port on D1 (the Worker), with the same schema and queries as SQLite on Node. */
import type { CuratedStore } from '../../core/curated/curated-store.js';
import { DELETE_SQL, GET_SQL, LIST_SQL, PUT_SQL, VERSION_SQL, fromRow, putParams, versionOf, type CuratedRow } from '../../core/curated/curated-sql.js';
import type { D1Database } from './bindings.js';

export function createD1CuratedStore(db: D1Database): CuratedStore {
  return {
    async list() {
      return (await db.prepare(LIST_SQL).all<CuratedRow>()).results.map(fromRow);
    },
    async get(id) {
      const row = await db.prepare(GET_SQL).bind(id).first<CuratedRow>();
      return row ? fromRow(row) : undefined;
    },
    async put(pair) {
      await db.prepare(PUT_SQL).bind(...putParams(pair)).run();
    },
    async delete(id) {
      return Number((await db.prepare(DELETE_SQL).bind(id).run()).meta?.changes ?? 0) > 0;
    },
    async version() {
      return versionOf(await db.prepare(VERSION_SQL).first<{ n: number; latest: number }>());
    },
  };
}
