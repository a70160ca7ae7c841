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

/**
 * Place names in folded text: the corpus's own (names its documents mention, `knownPlace`) and the gazetteer's.
 */
export function findPlaces(folded: string, knownPlace: (term: string) => boolean): string[] {
  const found = new Set(gazetteerPlaces(folded));
  for (let i = 0; i < folded.length; i++) {
    for (let n = 2; n <= 6 && i + n <= folded.length; n++) if (knownPlace(folded.slice(i, i + n))) found.add(folded.slice(i, i + n));
  }
  return [...found];
}

export function createVocabularyTokenizer(indexed: (term: string) => boolean, knownPlace: (term: string) => boolean = () => false): Tokenizer {
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
    places: (folded) => findPlaces(folded, knownPlace),
  };
}
