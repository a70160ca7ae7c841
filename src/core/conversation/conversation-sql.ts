/**
 * @module conversation-sql: the conversation log's queries and row mapping, written once for both SQL stores
 * (better-sqlite3 on Node, D1 on the Worker) over the schema of migrations/0002_conversations.sql.
 */
import { AppError } from '../errors.js';
import type { Channel, ConversationEntry, ConversationFilter, Rating } from './conversation-types.js';

export interface ConversationRow {
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

export const INSERT_SQL = `INSERT INTO conversations (id, time, day, channel, question, question_key, query, answer, found, sources, latency_ms, client)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const RATE_SQL = 'UPDATE conversations SET rating = ?, comment = ?, rated_at = ? WHERE id = ?';
export const BY_DAY_SQL = 'SELECT day, COUNT(*) AS questions, SUM(found) AS found FROM conversations WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day';
export const RATINGS_SQL =
  "SELECT COALESCE(SUM(rating = 'up'), 0) AS up, COALESCE(SUM(rating = 'down'), 0) AS down FROM conversations WHERE day BETWEEN ? AND ?";
// SQLite takes the bare column `question` from the row holding MAX(seq): the latest wording of each group.
export const UNANSWERED_SQL = `SELECT question, COUNT(*) AS count, MAX(seq) AS latest FROM conversations
  WHERE found = 0 AND day BETWEEN ? AND ? GROUP BY question_key ORDER BY count DESC, latest DESC LIMIT ?`;
export const PURGE_SQL = 'DELETE FROM conversations WHERE time < ?';

export const insertParams = (e: ConversationEntry) =>
  [e.id, e.time, e.day, e.channel, e.question, e.questionKey, e.query, e.answer, e.found ? 1 : 0, JSON.stringify(e.sources), e.latencyMs, e.client ?? null] as const;

export const fromRow = (r: ConversationRow): ConversationEntry => ({
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

/** The page query: one row more than `limit`, which tells whether there is a next page. */
export function listQuery(filter: ConversationFilter, limit: number, cursor?: string): { sql: string; params: (string | number)[] } {
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
  return { sql, params: [...params, limit + 1] };
}

export function toPage(rows: ConversationRow[], limit: number) {
  const page = rows.slice(0, limit);
  return { items: page.map(fromRow), next: rows.length > limit ? String(page[page.length - 1].seq) : null };
}
