/** @module sqlite-conversation-store: the ConversationStore port on SQLite (better-sqlite3). */
import type { ConversationStore } from '../../core/conversation/conversation-store.js';
import type { Channel, ConversationEntry, ConversationFilter, Rating } from '../../core/conversation/conversation-types.js';
import { AppError } from '../../core/errors.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface Row {
  seq: number;
  id: string;
  time: number;
  day: string;
  channel: string;
  question: string;
  question_key: string;
  query: string;
  answer: string;
  found: number;
  sources: string;
  latency_ms: number;
  client: string | null;
  rating: string | null;
  comment: string | null;
}

const fromRow = (r: Row): ConversationEntry => ({
  id: r.id,
  time: r.time,
  day: r.day,
  channel: r.channel as Channel,
  question: r.question,
  questionKey: r.question_key,
  query: r.query,
  answer: r.answer,
  found: r.found === 1,
  sources: JSON.parse(r.sources) as string[],
  latencyMs: r.latency_ms,
  client: r.client ?? undefined,
  rating: (r.rating as Rating | null) ?? undefined,
  comment: r.comment ?? undefined,
});

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The cursor is the seq of the last entry of a page; the next page holds older ones. */
function parseCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) throw new AppError('bad_request', 'cursor: not a cursor from a previous page (next)');
  return Number(cursor);
}

/** `close` closes the database too, unless other stores share it (`closeDatabase: false`). */
export function createSqliteConversationStore(db: SqliteDatabase, { closeDatabase = true } = {}): ConversationStore {
  const insert = db.prepare(
    `INSERT INTO conversations (id, time, day, channel, question, question_key, query, answer, found, sources, latency_ms, client)
     VALUES (@id, @time, @day, @channel, @question, @questionKey, @query, @answer, @found, @sources, @latencyMs, @client)`,
  );
  const appendAll = db.transaction((entries: ConversationEntry[]) => {
    for (const e of entries) insert.run({ ...e, found: e.found ? 1 : 0, sources: JSON.stringify(e.sources), client: e.client ?? null });
  });
  const rate = db.prepare('UPDATE conversations SET rating = ?, comment = ?, rated_at = ? WHERE id = ?');
  const byDay = db.prepare('SELECT day, COUNT(*) AS questions, SUM(found) AS found FROM conversations WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day');
  const ratings = db.prepare(
    "SELECT COALESCE(SUM(rating = 'up'), 0) AS up, COALESCE(SUM(rating = 'down'), 0) AS down FROM conversations WHERE day BETWEEN ? AND ?",
  );
  // SQLite takes the bare column `question` from the row holding MAX(seq): the latest wording of each group.
  const unanswered = db.prepare(
    `SELECT question, COUNT(*) AS count, MAX(seq) AS latest FROM conversations
     WHERE found = 0 AND day BETWEEN ? AND ? GROUP BY question_key ORDER BY count DESC, latest DESC LIMIT ?`,
  );
  const purge = db.prepare('DELETE FROM conversations WHERE time < ?');

  return {
    async append(entries) {
      appendAll(entries);
    },
    async rate(id, rating, comment) {
      return rate.run(rating, comment ?? null, Date.now(), id).changes > 0;
    },
    async list(filter: ConversationFilter, limit, cursor) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.found !== undefined) (where.push('found = ?'), params.push(filter.found ? 1 : 0));
      if (filter.rating) (where.push('rating = ?'), params.push(filter.rating));
      if (filter.channel) (where.push('channel = ?'), params.push(filter.channel));
      if (filter.text) {
        where.push("(question LIKE ? ESCAPE '\\' OR query LIKE ? ESCAPE '\\' OR answer LIKE ? ESCAPE '\\')");
        const p = likePattern(filter.text);
        params.push(p, p, p);
      }
      if (cursor !== undefined) (where.push('seq < ?'), params.push(parseCursor(cursor)));
      const sql = `SELECT * FROM conversations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
      const rows = db.prepare(sql).all(...params, limit + 1) as Row[];
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      return { items: page.map(fromRow), next: more ? String(page[page.length - 1].seq) : null };
    },
    async counts(from, to, top) {
      const days = byDay.all(from, to) as { day: string; questions: number; found: number }[];
      const r = ratings.get(from, to) as { up: number; down: number };
      const u = unanswered.all(from, to, top) as { question: string; count: number }[];
      return { byDay: days, ratings: { up: r.up, down: r.down }, unanswered: u.map(({ question, count }) => ({ question, count })) };
    },
    async purge(before) {
      return purge.run(before).changes;
    },
    async close() {
      if (closeDatabase && db.open) db.close();
    },
  };
}
