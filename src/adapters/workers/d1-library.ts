/**
 * @module d1-library: adds and removes prepared documents on Workers: vectors into Vectorize, then documents, chunks,
 * postings and counters into D1 in one batch (a D1 batch is a transaction).
 */
import type { Embedder } from '../../core/ports.js';
import type { PreparedUpload } from '../../core/index/prepared-upload.js';
import type { DocumentRecord } from '../../core/index/library.js';
import { AppError } from '../../core/errors.js';
import type { D1Database, D1PreparedStatement, VectorizeIndex } from './bindings.js';
import { inGroups, metaStatements, readMeta } from './d1-corpus.js';

interface DocumentRow {
  source: string;
  hash: string;
  bytes: number;
  title: string;
  date: string | null;
  place: string | null;
  indexed_at: number;
  token_count: number;
  chunks: number;
}

const toRecord = (r: DocumentRow): DocumentRecord => ({
  id: r.hash.slice(0, 16),
  source: r.source,
  title: r.title,
  chunks: r.chunks,
  bytes: r.bytes,
  indexedAt: new Date(r.indexed_at).toISOString(),
  ...(r.date ? { date: r.date } : {}),
  ...(r.place ? { place: r.place } : {}),
});

function countTerms(tokens: string[], into = new Map<string, number>()): Map<string, number> {
  for (const t of tokens) into.set(t, (into.get(t) ?? 0) + 1);
  return into;
}

/** Multi-row INSERTs of `columns` columns, within D1's parameter limit. */
function insertRows(db: D1Database, table: string, columns: string[], rows: unknown[][]): D1PreparedStatement[] {
  const perStatement = Math.floor(90 / columns.length);
  return inGroups(rows, perStatement).map((group) =>
    db
      .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${group.map(() => `(${columns.map(() => '?').join(',')})`).join(',')}`)
      .bind(...group.flat()),
  );
}

export function createD1Library(db: D1Database, vectorize: VectorizeIndex, embedder: Embedder) {
  const SELECT_DOCS = 'SELECT d.*, (SELECT count(*) FROM chunks c WHERE c.source = d.source) AS chunks FROM documents d';

  async function list(): Promise<DocumentRecord[]> {
    const { results } = await db.prepare(`${SELECT_DOCS} ORDER BY d.source`).all<DocumentRow>();
    return results.map(toRecord);
  }

  async function removeSource(source: string): Promise<void> {
    const doc = await db.prepare('SELECT source, token_count FROM documents WHERE source = ?').bind(source).first<{ token_count: number }>();
    if (!doc) return;
    const { results } = await db.prepare('SELECT id, token_count FROM chunks WHERE source = ?').bind(source).all<{ id: number; token_count: number }>();
    const meta = await readMeta(db);
    meta.chunkCount -= results.length;
    meta.chunkTokens -= results.reduce((n, r) => n + r.token_count, 0);
    meta.docCount -= 1;
    meta.docTokens -= doc.token_count;
    meta.version += 1;
    await db.batch([
      ...inGroups(results.map((r) => r.id)).map((g) => db.prepare(`DELETE FROM postings WHERE chunk_id IN (${g.map(() => '?').join(',')})`).bind(...g)),
      db.prepare('DELETE FROM doc_terms WHERE source = ?').bind(source),
      db.prepare('DELETE FROM chunks WHERE source = ?').bind(source),
      db.prepare('DELETE FROM documents WHERE source = ?').bind(source),
      ...metaStatements(db, meta),
    ]);
    for (const g of inGroups(results.map((r) => String(r.id)), 100)) await vectorize.deleteByIds(g);
  }

  async function add(upload: PreparedUpload): Promise<{ record: DocumentRecord; replaced: boolean }> {
    const { document, chunks, passages } = upload;
    if (chunks.length === 0 || passages.length !== chunks.length) throw new AppError('bad_request', 'chunks and passages must match and not be empty');
    const same = await db.prepare('SELECT source FROM documents WHERE hash = ?').bind(document.hash).first<{ source: string }>();
    if (same) throw new AppError('duplicate_document', `The same content is already in the corpus as ${same.source}.`);
    const replaced = (await db.prepare('SELECT 1 AS x FROM documents WHERE source = ?').bind(document.source).first()) !== null;
    if (replaced) await removeSource(document.source);

    const vectors = await embedder.embed(passages, 'passage');
    const meta = await readMeta(db);
    const ids = chunks.map((_, i) => meta.nextId + i);
    for (const g of inGroups(ids.map((id, i) => ({ id: String(id), values: Array.from(vectors[i]) })), 100)) await vectorize.upsert(g);

    const docTerms = new Map<string, number>();
    const postings: unknown[][] = [];
    let docTokens = 0;
    chunks.forEach((c, i) => {
      docTokens += c.tokens.length;
      countTerms(c.tokens, docTerms);
      for (const [term, tf] of countTerms(c.tokens)) postings.push([term, ids[i], tf]);
    });
    meta.nextId += chunks.length;
    meta.chunkCount += chunks.length;
    meta.chunkTokens += docTokens;
    meta.docCount += 1;
    meta.docTokens += docTokens;
    meta.version += 1;
    await db.batch([
      db
        .prepare('INSERT INTO documents (source, hash, bytes, title, date, place, places, indexed_at, token_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .bind(document.source, document.hash, document.bytes, document.title, document.date ?? null, document.place ?? null, JSON.stringify(document.places ?? []), Date.now(), docTokens),
      ...insertRows(db, 'chunks', ['id', 'source', 'ord', 'start', '"end"', 'heading', 'text', 'token_count'], chunks.map((c, i) => [ids[i], document.source, i, c.start, c.end, c.heading ?? null, c.text, c.tokens.length])),
      ...insertRows(db, 'postings', ['term', 'chunk_id', 'tf'], postings),
      ...insertRows(db, 'doc_terms', ['term', 'source', 'tf'], [...docTerms].map(([term, tf]) => [term, document.source, tf])),
      ...metaStatements(db, meta),
    ]);
    const row = await db.prepare(`${SELECT_DOCS} WHERE d.source = ?`).bind(document.source).first<DocumentRow>();
    return { record: toRecord(row!), replaced };
  }

  async function remove(id: string): Promise<DocumentRecord> {
    const row = await db.prepare(`${SELECT_DOCS} WHERE substr(d.hash, 1, 16) = ?`).bind(id).first<DocumentRow>();
    if (!row) throw new AppError('not_found', `No document with id ${id}.`);
    await removeSource(row.source);
    return toRecord(row);
  }

  /** Every term the index holds and every place its documents name (for cutting questions into them). */
  /** The corpus's search terms and places, and each document's date (for citations), read once per corpus version. */
  async function vocabulary(): Promise<{ terms: Set<string>; places: Set<string>; dates: Map<string, string> }> {
    const [terms, docs] = await db.batch<{ term?: string; source?: string; date?: string | null; places?: string }>([
      db.prepare('SELECT DISTINCT term FROM doc_terms'),
      db.prepare('SELECT source, date, places FROM documents'),
    ]);
    return {
      terms: new Set(terms.results.map((r) => r.term!)),
      places: new Set(docs.results.flatMap((r) => JSON.parse(r.places ?? '[]') as string[])),
      dates: new Map(docs.results.flatMap((r) => (r.date ? [[r.source!, r.date] as [string, string]] : []))),
    };
  }

  return { list, add, remove, vocabulary };
}

export type D1Library = ReturnType<typeof createD1Library>;
