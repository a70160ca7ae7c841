/** The naive pipeline the product is measured against: fixed 400-character chunks, BM25 over jieba tokens, answer = first 200 characters of the top chunk. */
import nodejieba from 'nodejieba';
import { Bm25Index } from '../src/core/retrieve/bm25-index.js';
import type { Answer } from '../src/core/types.js';

interface NaiveChunk {
  source: string;
  start: number;
  text: string;
}

const cut = (text: string) => nodejieba.cut(text).filter((t) => t.trim());

export function createNaiveBaseline(docs: { source: string; text: string }[]) {
  const chunks: NaiveChunk[] = [];
  const bm25 = new Bm25Index();
  for (const doc of docs) {
    for (let start = 0; start < doc.text.length; start += 400) {
      const text = doc.text.slice(start, start + 400);
      bm25.add(chunks.length, cut(text));
      chunks.push({ source: doc.source, start, text });
    }
  }
  return {
    chunks: chunks.length,
    ask(question: string): Answer {
      const ranked = [...bm25.search(cut(question))].sort((a, b) => b[1] - a[1]).slice(0, 5);
      const citations = ranked.map(([id, score], i) => {
        const c = chunks[id];
        return { n: i + 1, source: c.source, title: c.source, text: c.text, start: c.start, end: c.start + c.text.length, score };
      });
      return { answer: citations[0] ? `${citations[0].text.slice(0, 200)}[1]` : '', found: citations.length > 0, query: question, citations };
    },
  };
}
