/** @module curated-types: a curated answer (问答对) as stored and as written by an admin. */

export interface CuratedAnswer {
  /** Short random id; answers cite it as `qa:<id>`. */
  id: string;
  question: string;
  answer: string;
  /** Where the answer comes from (a document, a notice), as the admin wrote it. */
  source?: string;
  /** Epoch milliseconds of the last write. */
  updated: number;
}

export type CuratedInput = Pick<CuratedAnswer, 'question' | 'answer' | 'source'>;

/** The citation source of a curated answer. */
export const curatedSource = (id: string): string => `qa:${id}`;
