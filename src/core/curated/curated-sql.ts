/** @module curated-sql: the SQL of the curated-answer store, shared by SQLite (Node) and D1 (Worker). */
import type { CuratedAnswer } from './curated-types.js';

export const LIST_SQL = 'SELECT id, question, answer, source, updated FROM curated_answers ORDER BY updated, id';
export const GET_SQL = 'SELECT id, question, answer, source, updated FROM curated_answers WHERE id = ?';
export const PUT_SQL =
  'INSERT INTO curated_answers (id, question, answer, source, updated) VALUES (?, ?, ?, ?, ?) ' +
  'ON CONFLICT(id) DO UPDATE SET question = excluded.question, answer = excluded.answer, source = excluded.source, updated = excluded.updated';
export const DELETE_SQL = 'DELETE FROM curated_answers WHERE id = ?';
export const VERSION_SQL = 'SELECT COUNT(*) AS n, COALESCE(MAX(updated), 0) AS latest FROM curated_answers';

export interface CuratedRow {
  id: string;
  question: string;
  answer: string;
  source: string | null;
  updated: number;
}

export const fromRow = (r: CuratedRow): CuratedAnswer => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  ...(r.source ? { source: r.source } : {}),
  updated: Number(r.updated),
});

export const putParams = (p: CuratedAnswer) => [p.id, p.question, p.answer, p.source ?? null, p.updated] as const;

/** A write sets `updated` to now (never earlier than the latest), and a delete lowers the count. */
export const versionOf = (r: { n: number; latest: number } | null | undefined): string => (r ? `${r.n}:${r.latest}` : '0:0');
