/** @module feature-context: what the answer features ask of the corpus (term statistics, document subjects, places). */

export interface FeatureContext {
  /** Inverse document frequency of a term over chunks. */
  idf(term: string): number;
  /** Whether the document `source` contains the term anywhere. */
  documentHas(source: string, term: string): boolean;
  /** Whether the term names some document's subject (平陆 for the 平陆 speech). */
  isFocus(term: string): boolean;
  /**
   * Documents containing the term, among those the question is answered from: the documents it names when it names
   * some (so that documents about other things do not change its answer), else the whole corpus. 0: unknown word.
   */
  documentDf(term: string): number;
  /** Folded heading or title (cached by the caller). */
  foldLabel(text: string): string;
  places(folded: string): string[];
}
