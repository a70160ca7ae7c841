/**
 * @module vocabulary-tokenizer: a Tokenizer for runtimes without jieba (Workers). It cuts questions into the words
 * the index already holds — longest match first, with the shorter indexed words inside each match, the way jieba's
 * search mode does — so that a question finds exactly the terms documents were indexed with.
 */
import type { Tokenizer } from '../ports.js';
import { searchTokens } from './search-tokens.js';
import { gazetteerPlaces } from './gazetteer.js';
import { STOPWORDS } from './stopwords.js';

const MAX_WORD = 8;

export function createVocabularyTokenizer(indexed: (term: string) => boolean): Tokenizer {
  // Stop words are words too (多少, 什么): recognised, then dropped, never cut into single characters.
  const has = (term: string) => indexed(term) || STOPWORDS.has(term);
  function segment(run: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < run.length; ) {
      let len = Math.min(MAX_WORD, run.length - i);
      while (len > 1 && !has(run.slice(i, i + len))) len--;
      const word = run.slice(i, i + len);
      if (len > 2) {
        for (let n = 2; n < len; n++) for (let j = 0; j + n <= len; j++) if (has(word.slice(j, j + n))) out.push(word.slice(j, j + n));
      }
      out.push(word);
      i += len;
    }
    return out;
  }
  return {
    id: 'vocabulary@1',
    tokenize: (folded) => searchTokens(folded, segment),
    places: gazetteerPlaces,
  };
}
