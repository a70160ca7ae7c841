/** @module chunk-document: packs sentences into overlapping chunks that respect headings and never span clutter. */
import type { Span } from '../types.js';
import type { Line } from '../ingest/find-clutter.js';
import { splitClauses, splitSentences } from './split-sentences.js';
import { headingOf } from './heading.js';

export interface ChunkingOptions {
  /** Target maximum chunk length in characters. */
  size: number;
  /** Characters of trailing sentences repeated at the start of the next chunk. */
  overlap: number;
}

export interface ChunkDraft extends Span {
  heading?: string;
}

/** Splits a sentence longer than `size` at clause boundaries (and hard cuts as a last resort). */
function pieces(text: string, sentence: Span, size: number): Span[] {
  if (sentence.end - sentence.start <= size) return [sentence];
  const out: Span[] = [];
  let cur: Span | undefined;
  for (const clause of splitClauses(text, sentence)) {
    for (let s = clause.start; s < clause.end; s += size) {
      const part = { start: s, end: Math.min(clause.end, s + size) };
      if (cur && part.end - cur.start <= size) cur.end = part.end;
      else {
        if (cur) out.push(cur);
        cur = { ...part };
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function chunkDocument(text: string, lines: Line[], options: ChunkingOptions): ChunkDraft[] {
  const { size, overlap } = options;
  const chunks: ChunkDraft[] = [];
  let current: Span[] = [];
  let heading: string | undefined;
  let freshHeading = false;

  const flush = (keepOverlap: boolean) => {
    if (current.length) {
      chunks.push({ start: current[0].start, end: current[current.length - 1].end, heading });
    }
    const kept: Span[] = [];
    if (keepOverlap) {
      let len = 0;
      for (let i = current.length - 1; i > 0; i--) {
        len += current[i].end - current[i].start;
        if (len > overlap) break;
        kept.unshift(current[i]);
      }
    }
    current = kept;
  };

  for (const line of lines) {
    if (line.clutter) {
      flush(false);
      continue;
    }
    const h = headingOf(line.text);
    if (h) {
      // A run of headings (一、… then （一）…) stays together with the text under them.
      if (!freshHeading) flush(false);
      heading = h;
    }
    freshHeading = Boolean(h) && line.text.length <= 40;
    for (const sentence of splitSentences(text, line)) {
      for (const piece of pieces(text, sentence, size)) {
        if (current.length && piece.end - current[0].start > size) {
          flush(true);
          while (current.length && piece.end - current[0].start > size) current.shift();
        }
        current.push(piece);
      }
    }
  }
  flush(false);
  return chunks;
}
