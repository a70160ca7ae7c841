/** @module sqlite-conversation-store: the ConversationStore port on SQLite (better-sqlite3). */
import type { ConversationStore } from '../../core/conversation/conversation-store.js';
import type { ConversationEntry } from '../../core/conversation/conversation-types.js';
import {
  BY_DAY_SQL,
  INSERT_SQL,
  PURGE_SQL,
  RATE_SQL,
  RATINGS_SQL,
  UNANSWERED_SQL,
  insertParams,
  listQuery,
  toPage,
  type ConversationRow,
} from '../../core/conversation/conversation-sql.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** `close` closes the database too, unless other stores share it (`closeDatabase: false`). */
export function createSqliteConversationStore(db: SqliteDatabase, { closeDatabase = true } = {}): ConversationStore {
  const insert = db.prepare(INSERT_SQL);
  const appendAll = db.transaction((entries: ConversationEntry[]) => {
    for (const e of entries) insert.run(...insertParams(e));
  });
  const rate = db.prepare(RATE_SQL);
  const byDay = db.prepare(BY_DAY_SQL);
  const ratings = db.prepare(RATINGS_SQL);
  const unanswered = db.prepare(UNANSWERED_SQL);
  const purge = db.prepare(PURGE_SQL);

  return {
    async append(entries) {
      appendAll(entries);
    },
    async rate(id, rating, comment) {
      return rate.run(rating, comment ?? null, Date.now(), id).changes > 0;
    },
    async list(filter, limit, cursor) {
      const { sql, params } = listQuery(filter, limit, cursor);
      return toPage(db.prepare(sql).all(...params) as ConversationRow[], limit);
    },
    async counts(from, to, top) {
      const r = ratings.get(from, to) as { up: number; down: number };
      return {
        byDay: byDay.all(from, to) as { day: string; questions: number; found: number }[],
        ratings: { up: r.up, down: r.down },
        unanswered: (unanswered.all(from, to, top) as { question: string; count: number }[]).map(({ question, count }) => ({ question, count })),
      };
    },
    async purge(before) {
      return purge.run(before).changes;
    },
    async close() {
      if (closeDatabase && db.open) db.close();
    },
  };
}
