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

/** Every start (two characters or more) of the names: a run of text that starts none of them starts no place. */
function prefixesOf(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (let n = 2; n <= name.length; n++) out.add(name.slice(0, n));
  return out;
}

/**
 * Place names in folded text: the corpus's own (names its documents mention, `knownPlace`) and the gazetteer's.
 * `prefixes` (from `prefixesOf`) lets the scan stop extending a run as soon as no known name starts with it.
 */
export function findPlaces(folded: string, knownPlace: (term: string) => boolean, prefixes?: Set<string>): string[] {
  const found = new Set(gazetteerPlaces(folded));
  for (let i = 0; i < folded.length; i++) {
    for (let n = 2; n <= 6 && i + n <= folded.length; n++) {
      const run = folded.slice(i, i + n);
      if (knownPlace(run)) found.add(run);
      if (prefixes && !prefixes.has(run)) break;
    }
  }
  return [...found];
}

/**
 * `knownPlace`: whether a term is a place some document names; `placeNames`, when given, lists them all (the same
 * array while they are unchanged) so that finding places skips runs no name starts with.
 */
export function createVocabularyTokenizer(
  indexed: (term: string) => boolean,
  knownPlace: (term: string) => boolean = () => false,
  placeNames?: () => readonly string[],
): Tokenizer {
  let names: readonly string[] | undefined;
  let prefixes: Set<string> | undefined;
  const currentPrefixes = () => {
    if (!placeNames) return undefined;
    const now = placeNames();
    if (now !== names) [names, prefixes] = [now, prefixesOf(now)];
    return prefixes;
  };
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
    places: (folded) => findPlaces(folded, knownPlace, currentPrefixes()),
  };
}
