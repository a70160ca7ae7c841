/**
 * @module with-passage-places: an engine whose citations, related passages and search hits also say where a reader
 * finds them — the document's date and the passage's page (PDF, pptx) — from the metadata kept beside the chunks.
 */
import type { Engine } from '../engine.js';
import type { DocumentMeta, PassagePlace, Span } from '../types.js';
import { pageAt } from '../ingest/join-pages.js';

/** A document's date and page starts by its source; undefined for a document the index does not hold (a curated answer). */
export type DocumentDetails = (source: string) => Pick<DocumentMeta, 'date' | 'pages'> | undefined;

/**
 * `passage` with its document's date and its page, where known (the fields are left out otherwise): the page of the
 * answering span when it has one (a passage may run over a page break), else of its start.
 */
export function placed<T extends { source: string; start: number; highlight?: Span }>(passage: T, details: DocumentDetails): T & PassagePlace {
  const meta = details(passage.source);
  if (!meta) return passage;
  const page = pageAt(meta.pages, passage.highlight?.start ?? passage.start);
  return { ...passage, ...(meta.date ? { date: meta.date } : {}), ...(page === undefined ? {} : { page }) };
}

export function withPassagePlaces(engine: Engine, details: DocumentDetails): Engine {
  const place = <A extends Awaited<ReturnType<Engine['ask']>>>(answer: A): A => ({
    ...answer,
    citations: answer.citations.map((c) => placed(c, details)),
    ...(answer.related ? { related: answer.related.map((r) => placed(r, details)) } : {}),
  });
  return {
    ...engine,
    ask: async (...args) => place(await engine.ask(...args)),
    chat: async (...args) => place(await engine.chat(...args)),
    search: async (...args) => {
      const result = await engine.search(...args);
      return { ...result, hits: result.hits.map((h) => placed(h, details)) };
    },
  };
}
