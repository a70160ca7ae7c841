/** @module d1-conversation-store: the ConversationStore port on D1 (the Worker), with the same schema and queries as SQLite on Node. */
import type { ConversationStore } from '../../core/conversation/conversation-store.js';
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
import type { D1Database } from './bindings.js';

const changes = (meta: Record<string, unknown> | undefined) => Number(meta?.changes ?? 0);

export function createD1ConversationStore(db: D1Database): ConversationStore {
  return {
    async append(entries) {
      // A D1 batch is one transaction.
      if (entries.length) await db.batch(entries.map((e) => db.prepare(INSERT_SQL).bind(...insertParams(e))));
    },
    async rate(id, rating, comment) {
      return changes((await db.prepare(RATE_SQL).bind(rating, comment ?? null, Date.now(), id).run()).meta) > 0;
    },
    async list(filter, limit, cursor) {
      const { sql, params } = listQuery(filter, limit, cursor);
      return toPage((await db.prepare(sql).bind(...params).all<ConversationRow>()).results, limit);
    },
    async counts(from, to, top) {
      const [days, ratings, unanswered] = await db.batch<Record<string, unknown>>([
        db.prepare(BY_DAY_SQL).bind(from, to),
        db.prepare(RATINGS_SQL).bind(from, to),
        db.prepare(UNANSWERED_SQL).bind(from, to, top),
      ]);
      const r = ratings.results[0] as { up: number; down: number };
      return {
        byDay: days.results as { day: string; questions: number; found: number }[],
        ratings: { up: r.up, down: r.down },
        unanswered: (unanswered.results as { question: string; count: number }[]).map(({ question, count }) => ({ question, count })),
      };
    },
    async purge(before) {
      return changes((await db.prepare(PURGE_SQL).bind(before).run()).meta);
    },
    async close() {},
  };
}
