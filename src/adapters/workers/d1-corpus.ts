/**
 * @module d1-corpus: the Corpus on Cloudflare D1 (documents, chunks, postings) and Vectorize (vectors).
 * Per question it loads the postings of that question's terms and scores them with the same BM25 code as the
 * in-memory index, so both runtimes rank alike.
 */
import type { Corpus, CorpusView, LoadedChunk } from '../../core/index/corpus.js';
import type { VectorIndex, VectorMatch } from '../../core/ports.js';
import { bm25Idf, bm25Term, CHUNK_BM25, DOCUMENT_BM25 } from '../../core/retrieve/bm25-index.js';
import type { D1Database, VectorizeIndex } from './bindings.js';
import { focusOf } from '../../core/index/focus.js';
import { byMax } from '../../core/retrieve/hybrid-search.js';
import { bestAmong } from '../../core/retrieve/best-among.js';

export interface CorpusMeta {
  version: number;
  nextId: number;
  chunkCount: number;
  chunkTokens: number;
  docCount: number;
  docTokens: number;
}

/** Vectors asked of Vectorize per getByIds call, and calls per question at most (each is a subrequest). */
const FETCH_GROUP = 20;
const MAX_FETCHES = 20;

const META_KEYS: Record<keyof CorpusMeta, string> = {
  version: 'version',
  nextId: 'next_id',
  chunkCount: 'chunk_count',
  chunkTokens: 'chunk_tokens',
  docCount: 'doc_count',
  docTokens: 'doc_tokens',
};

/** D1 binds at most 100 parameters a statement. */
export const PARAMS = 90;

export function inGroups<T>(items: T[], size = PARAMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export async function readMeta(db: D1Database): Promise<CorpusMeta> {
  const { results } = await db.prepare('SELECT key, value FROM meta').all<{ key: string; value: string }>();
  const byKey = new Map(results.map((r) => [r.key, Number(r.value)]));
  const meta = {} as CorpusMeta;
  for (const [field, key] of Object.entries(META_KEYS)) meta[field as keyof CorpusMeta] = byKey.get(key) ?? 0;
  return meta;
}

export function metaStatements(db: D1Database, meta: CorpusMeta) {
  return Object.entries(META_KEYS).map(([field, key]) =>
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').bind(key, String(meta[field as keyof CorpusMeta])),
  );
}

/** Vectorize as a VectorIndex: searched here; written by the document library. */
export class VectorizeVectorIndex implements VectorIndex {
  size = 0;

  constructor(private readonly index: VectorizeIndex) {}

  add(): void {
    throw new Error('Vectorize is written through the document library');
  }

  remove(): void {
    throw new Error('Vectorize is written through the document library');
  }

  async search(vector: Float32Array, k: number): Promise<VectorMatch[]> {
    const { matches } = await this.index.query(Array.from(vector), { topK: Math.min(k, 100), returnMetadata: 'none' });
    return matches.map((m) => ({ id: Number(m.id), score: m.score }));
  }

  /**
   * Exact, from the passages' vectors (one fetch per FETCH_GROUP of them, side by side). A document too long for the
   * Worker's subrequest budget is searched among the nearest of the whole index instead.
   */
  async searchAmong(vector: Float32Array, ids: readonly number[], k: number): Promise<VectorMatch[]> {
    if (ids.length > FETCH_GROUP * MAX_FETCHES) {
      const allowed = new Set(ids);
      return (await this.search(vector, 100)).filter((m) => allowed.has(m.id)).slice(0, k);
    }
    const groups = inGroups(ids.map(String), FETCH_GROUP);
    const found = (await Promise.all(groups.map((g) => this.index.getByIds(g)))).flat();
    return bestAmong(vector, found.map((v) => Number(v.id)), found.map((v) => v.values), k);
  }
}

type Posting = { key: number | string; tf: number; len: number };

function score(
  tokens: string[],
  postings: Map<string, Posting[]>,
  entries: number,
  average: number,
  options: typeof CHUNK_BM25,
  weights?: ReadonlyMap<string, number>,
): Map<number | string, number> {
  const scores = new Map<number | string, number>();
  for (const term of new Set(tokens)) {
    const list = postings.get(term);
    if (!list) continue;
    const idf = bm25Idf(entries, list.length) * (weights?.get(term) ?? 1);
    for (const p of list) scores.set(p.key, (scores.get(p.key) ?? 0) + bm25Term(idf, p.tf, p.len, average, options));
  }
  return scores;
}

export function createD1Corpus(db: D1Database, vectorize: VectorizeIndex): Corpus & { meta(): Promise<CorpusMeta> } {
  const vectors = new VectorizeVectorIndex(vectorize);

  async function meta(): Promise<CorpusMeta> {
    const m = await readMeta(db);
    vectors.size = m.chunkCount;
    return m;
  }

  async function view(terms: string[]): Promise<CorpusView> {
    const wanted = [...new Set(terms.filter(Boolean))];
    const m = await meta();
    const chunkPostings = new Map<string, Posting[]>();
    const docPostings = new Map<string, Posting[]>();
    const statements = inGroups(wanted).flatMap((group) => [
      db
        .prepare(`SELECT p.term AS term, p.chunk_id AS key, p.tf AS tf, c.token_count AS len FROM postings p JOIN chunks c ON c.id = p.chunk_id WHERE p.term IN (${marks(group.length)}) ORDER BY c.id`)
        .bind(...group),
      db
        .prepare(`SELECT d.term AS term, d.source AS key, d.tf AS tf, doc.token_count AS len FROM doc_terms d JOIN documents doc ON doc.source = d.source WHERE d.term IN (${marks(group.length)}) ORDER BY doc.rowid`)
        .bind(...group),
    ]);
    const results = statements.length ? await db.batch<Posting & { term: string }>(statements) : [];
    results.forEach((r, i) => {
      const target = i % 2 === 0 ? chunkPostings : docPostings;
      for (const row of r.results) {
        let list = target.get(row.term);
        if (!list) target.set(row.term, (list = []));
        list.push({ key: row.key, tf: row.tf, len: row.len });
      }
    });
    const chunkAverage = m.chunkCount ? m.chunkTokens / m.chunkCount : 1;
    const docAverage = m.docCount ? m.docTokens / m.docCount : 1;
    return {
      keywordScores: (tokens, weights) => score(tokens, chunkPostings, m.chunkCount, chunkAverage, CHUNK_BM25, weights) as Map<number, number>,
      documentPrior(tokens) {
        const scaled = byMax(score(tokens, docPostings, m.docCount, docAverage, DOCUMENT_BM25) as Map<string, number>);
        return (source) => scaled.get(source) ?? 0;
      },
      idf: (term) => bm25Idf(m.chunkCount, chunkPostings.get(term)?.length ?? 0),
      chunksWith: (term) => (chunkPostings.get(term) ?? []).map((p) => ({ id: Number(p.key), tf: p.tf })),
      documentDf: (term) => docPostings.get(term)?.length ?? 0,
      documentTf: (term, source) => docPostings.get(term)?.find((p) => p.key === source)?.tf ?? 0,
      focus(term) {
        const focus = focusOf(term, docPostings.get(term) ?? [], m.docCount);
        return focus && { source: String(focus.key), share: focus.share };
      },
    };
  }

  async function chunks(ids: number[]): Promise<Map<number, LoadedChunk>> {
    const out = new Map<number, LoadedChunk>();
    const groups = inGroups([...new Set(ids)]);
    if (!groups.length) return out;
    const results = await db.batch<{ id: number; source: string; start: number; end: number; heading: string | null; text: string; title: string }>(
      groups.map((g) =>
        db.prepare(`SELECT c.id AS id, c.source AS source, c.start AS start, c."end" AS "end", c.heading AS heading, c.text AS text, d.title AS title FROM chunks c JOIN documents d ON d.source = c.source WHERE c.id IN (${marks(g.length)})`).bind(...g),
      ),
    );
    for (const r of results) {
      for (const row of r.results) {
        out.set(row.id, { id: row.id, source: row.source, start: row.start, end: row.end, heading: row.heading ?? undefined, text: row.text, title: row.title });
      }
    }
    return out;
  }

  async function neighbours(ids: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const { results } = await db
      .prepare(`SELECT c.id AS hit, n.id AS id FROM chunks c JOIN chunks n ON n.source = c.source AND (n.ord = c.ord - 1 OR n.ord = c.ord + 1) WHERE c.id IN (${marks(ids.length)}) ORDER BY c.id, n.ord`)
      .bind(...ids)
      .all<{ hit: number; id: number }>();
    for (const r of results) out.get(r.hit)?.push(r.id);
    return out;
  }

  async function documentChunks(sources: string[]): Promise<{ id: number; length: number }[]> {
    if (!sources.length) return [];
    const { results } = await db
      .prepare(`SELECT id, token_count AS length FROM chunks WHERE source IN (${marks(sources.length)}) ORDER BY source, ord`)
      .bind(...sources)
      .all<{ id: number; length: number }>();
    return results;
  }

  async function counts() {
    const m = await meta();
    return { documents: m.docCount, chunks: m.chunkCount };
  }

  async function documentTitles(sources: string[]): Promise<Map<string, string>> {
    if (!sources.length) return new Map();
    const { results } = await db
      .prepare(`SELECT source, title FROM documents WHERE source IN (${marks(sources.length)})`)
      .bind(...sources)
      .all<{ source: string; title: string }>();
    return new Map(results.map((r) => [r.source, r.title]));
  }

  async function titles(limit: number) {
    const { results } = await db.prepare('SELECT title FROM documents ORDER BY rowid LIMIT ?').bind(limit).all<{ title: string }>();
    return results.map((r) => r.title);
  }

  return { vectors, view, chunks, neighbours, documentChunks, documentTitles, counts, titles, meta };
}
