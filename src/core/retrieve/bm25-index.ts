/** @module bm25-index: an incremental Okapi BM25 index over token lists, keyed by number. */

export interface Bm25Options {
  k1: number;
  b: number;
}

/** One term's BM25 contribution; shared by every implementation so that scores agree to the last digit. */
export function bm25Term(idf: number, tf: number, length: number, averageLength: number, { k1, b }: Bm25Options): number {
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
}

export function bm25Idf(entries: number, df: number): number {
  return Math.log(1 + (entries - df + 0.5) / (df + 0.5));
}

export const CHUNK_BM25: Bm25Options = { k1: 1.2, b: 0.75 };
export const DOCUMENT_BM25: Bm25Options = { k1: 1.2, b: 0.3 };

export class Bm25Index {
  private readonly byTerm = new Map<string, Map<number, number>>();
  private readonly lengths = new Map<number, number>();
  private readonly terms = new Map<number, string[]>();
  private totalLength = 0;

  constructor(private readonly options: Bm25Options = CHUNK_BM25) {}

  get averageLength(): number {
    return this.lengths.size ? this.totalLength / this.lengths.size : 1;
  }

  length(key: number): number {
    return this.lengths.get(key) ?? 0;
  }

  get size(): number {
    return this.lengths.size;
  }

  has(key: number): boolean {
    return this.lengths.has(key);
  }

  add(key: number, tokens: string[]): void {
    if (this.lengths.has(key)) this.remove(key);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = this.byTerm.get(t);
      if (!list) this.byTerm.set(t, (list = new Map()));
      list.set(key, n);
    }
    this.lengths.set(key, tokens.length);
    this.terms.set(key, [...tf.keys()]);
    this.totalLength += tokens.length;
  }

  remove(key: number): void {
    const len = this.lengths.get(key);
    if (len === undefined) return;
    for (const t of this.terms.get(key) ?? []) {
      const list = this.byTerm.get(t);
      list?.delete(key);
      if (list && list.size === 0) this.byTerm.delete(t);
    }
    this.lengths.delete(key);
    this.terms.delete(key);
    this.totalLength -= len;
  }

  /** Number of entries containing the term. */
  df(term: string): number {
    return this.byTerm.get(term)?.size ?? 0;
  }

  idf(term: string): number {
    return bm25Idf(this.lengths.size, this.df(term));
  }

  /** Entries holding the term, in the order they were added, with its frequency in each. */
  *postings(term: string): Generator<{ key: number; tf: number }> {
    for (const [key, tf] of this.byTerm.get(term) ?? []) yield { key, tf };
  }

  termFrequency(term: string, key: number): number {
    return this.byTerm.get(term)?.get(key) ?? 0;
  }

  /**
   * BM25 scores of every entry that shares a term with the query. Repeated query terms count once;
   * `weights` scales a term's contribution (1 when absent).
   */
  search(queryTokens: string[], weights?: ReadonlyMap<string, number>): Map<number, number> {
    const avg = this.averageLength;
    const scores = new Map<number, number>();
    for (const term of new Set(queryTokens)) {
      const list = this.byTerm.get(term);
      if (!list) continue;
      const idf = this.idf(term) * (weights?.get(term) ?? 1);
      for (const [key, tf] of list) {
        scores.set(key, (scores.get(key) ?? 0) + bm25Term(idf, tf, this.lengths.get(key) ?? 0, avg, this.options));
      }
    }
    return scores;
  }
}
