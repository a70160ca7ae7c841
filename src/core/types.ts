/** @module types: the data that flows through ingestion, retrieval and answering. */

/** A half-open range `[start, end)` of character offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

export interface DocumentMeta {
  source: string;
  hash: string;
  bytes: number;
  title: string;
  /** When the document says it was published or dated (ISO `YYYY-MM-DD`), if it states one. */
  date?: string;
  place?: string;
  /**
   * Where each page or slide begins, for formats that have pages (PDF, pptx): `[offset, number]` pairs in text order,
   * so that a passage's page is the last pair at or before its start.
   */
  pages?: [number, number][];
  /** Place names the document mentions (found by the indexing tokenizer): the corpus's own gazetteer. */
  places?: string[];
  /** Epoch milliseconds when the document was indexed. */
  indexedAt: number;
  /** Modification time of the file when it was indexed (where the store knows it). */
  modifiedAt?: number;
}

export interface Chunk extends Span {
  /** Numeric id, stable for the life of the index (also the vector label). */
  id: number;
  source: string;
  /** Nearest heading above the chunk (一、… （一）… 第一，…), if any. */
  heading?: string;
  /** Original text, `document.text.slice(start, end)`. */
  text: string;
  /** Search tokens of the folded text (BM25). */
  tokens: string[];
}

/** What a parser gets out of a document's bytes: its text and what the format itself says about it. */
export interface ParsedDocument {
  text: string;
  /** The document's own title (`<title>`, a Markdown `#` heading, the docx or PDF properties). */
  title?: string;
  /** A date from the document's properties (ISO `YYYY-MM-DD`): used when the text states none. */
  date?: string;
  /** Where each page or slide begins in `text` (see `DocumentMeta.pages`). */
  pages?: [number, number][];
}

/** A document read, cleaned, chunked and tokenised: everything indexing needs but the vectors. */
export interface PreparedDocument {
  meta: DocumentMeta;
  /** Chunks without ids yet (`id` is -1). */
  chunks: Chunk[];
  /** What to embed for each chunk: title and heading give the passage its context. */
  passages: string[];
}

/** What a reader needs to find a passage in its document: the document's date and the passage's page, where known. */
export interface PassagePlace {
  date?: string;
  page?: number;
}

export interface Citation extends Span, PassagePlace {
  n: number;
  source: string;
  title: string;
  text: string;
  score: number;
  /** Offsets, within the document, of the answering span (inside `[start, end)`). */
  highlight?: Span;
}

/** A passage offered when nothing answers the question: may be worth reading, is not an answer. */
export type RelatedPassage = Omit<SearchHit, 'chunkId'>;

export interface Answer {
  answer: string;
  found: boolean;
  query: string;
  citations: Citation[];
  /** Only when `found` is false: up to 3 passages near the question, clearly not an answer. */
  related?: RelatedPassage[];
  /** `smalltalk`: a greeting, thanks or a question about the bot itself, answered without the documents. */
  intent?: 'smalltalk';
  /** `en`: the question was English, and so are the answer's frame and refusals (the quote stays Chinese). */
  language?: 'en';
}

export interface SearchHit extends Span, PassagePlace {
  chunkId: number;
  source: string;
  title: string;
  text: string;
  score: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

/** Time spent in each stage of answering, milliseconds; `embed` (until the search has the vector) runs alongside `keyword`. */
export type StageTimings = Partial<Record<'rewrite' | 'embed' | 'vector' | 'keyword' | 'fuse' | 'answer', number>>;
