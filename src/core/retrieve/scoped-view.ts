/**
 * @module scoped-view: a corpus view narrowed to some chunks (the passages of the document a question names). Its BM25
 * statistics (inverse document frequencies, average length) are counted among those chunks alone, and a word names
 * the subject by the document itself: so what else the corpus holds changes neither how the chunks rank nor how the
 * question's words weigh. Only whether a word is known at all stays the corpus's.
 */
import type { CorpusView } from '../index/corpus.js';
import { bm25Idf, bm25Term, CHUNK_BM25 } from './bm25-index.js';

export interface ScopedChunk {
  id: number;
  /** Length in tokens. */
  length: number;
}

/**
 * `subject` tells whether a term names its focus document's subject by that document alone (a place name, a word of its
 * title): inside the scope it replaces the corpus-wide share, which any document added beside it lowers.
 */
export function scopedView(
  view: CorpusView,
  chunks: readonly ScopedChunk[],
  sources: ReadonlySet<string>,
  subject: (term: string, source: string) => boolean,
): CorpusView {
  const lengths = new Map(chunks.map((c) => [c.id, c.length]));
  const average = chunks.reduce((a, c) => a + c.length, 0) / Math.max(1, chunks.length) || 1;
  const postings = new Map<string, { id: number; tf: number }[]>();
  const postingsOf = (term: string) => {
    let found = postings.get(term);
    if (!found) postings.set(term, (found = [...view.chunksWith(term)].filter((p) => lengths.has(p.id))));
    return found;
  };
  const idf = (term: string) => bm25Idf(lengths.size, postingsOf(term).length);
  return {
    idf,
    chunksWith: postingsOf,
    // Whether a word is known at all, for reading names and English (engine): the corpus's. The answer model counts
    // a question's unknown words against the documents it names (the engine's feature context), not through this.
    documentDf: (term) => view.documentDf(term),
    documentTf: (term, source) => view.documentTf(term, source),
    focus(term) {
      const focus = view.focus(term);
      return focus && sources.has(focus.source) && subject(term, focus.source) ? { source: focus.source, share: 1 } : undefined;
    },
    keywordScores(tokens, weights) {
      const scores = new Map<number, number>();
      for (const term of new Set(tokens)) {
        const weight = idf(term) * (weights?.get(term) ?? 1);
        if (weight <= 0) continue;
        for (const p of postingsOf(term)) scores.set(p.id, (scores.get(p.id) ?? 0) + bm25Term(weight, p.tf, lengths.get(p.id)!, average, CHUNK_BM25));
      }
      return scores;
    },
    /** The question names the scope's documents: each is what it is about. */
    documentPrior: () => (source) => (sources.has(source) ? 1 : 0),
  };
}
