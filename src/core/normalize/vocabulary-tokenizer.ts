/**
 * @module vocabulary-tokenizer: a Tokenizer for runtimes without jieba (Workers). It cuts questions into the words
 * the index already holds — longest match first, with the shorter indexed words inside each match, the way jieba's
 * search mode does — so that a question finds exactly the terms documents were indexed with.
 */
import type { Tokenizer } from '../ports.js';
import { searchTokens } from './search-tokens.js';
import { gazetteerPlaces } from './gazetteer.js';
import { STOPWORDS } from './stopwords.js';
import { NO_WORDS, type WordList } from './dictionary-words.js';

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
 * array while they are unchanged) so that finding places skips runs no name starts with. `words` is the fixed word
 * list with frequencies (jieba's, see dictionary-words): a run is cut as jieba cuts it, into the words that make the
 * likeliest sequence, a word the index holds but the list lacks counting as the list's rarest. Without the list,
 * a document that adds the word 总共 turned the question's bigrams 总共/共要 into 总共/要.
 */
export function createVocabularyTokenizer(
  indexed: (term: string) => boolean,
  knownPlace: (term: string) => boolean = () => false,
  placeNames?: () => readonly string[],
  words: WordList = NO_WORDS,
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
  const has = (term: string) => words.logFrequency.has(term) || STOPWORDS.has(term) || indexed(term);
  /** ln(frequency) of a word, or undefined when it is no word (a single character always is one). */
  const logOf = (term: string): number | undefined =>
    words.logFrequency.get(term) ?? (term.length === 1 || STOPWORDS.has(term) || indexed(term) ? words.logRarest : undefined);
  // The likeliest cut (ties: the longer first word): 衡水|市委书记, not 衡水市|委|书记. Each word of more than two
  // characters also yields the known words inside it (search mode).
  function segment(run: string): string[] {
    const n = run.length;
    const best = new Float64Array(n + 1);
    const step = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      best[i] = -Infinity;
      for (let len = Math.min(MAX_WORD, n - i); len >= 1; len--) {
        const log = logOf(run.slice(i, i + len));
        if (log === undefined) continue;
        const score = log - words.logTotal + best[i + len];
        if (score > best[i] + 1e-9) [best[i], step[i]] = [score, len];
      }
    }
    const out: string[] = [];
    for (let i = 0; i < n; i += step[i]) {
      const len = step[i];
      const word = run.slice(i, i + len);
      if (len > 2) {
        for (let k = 2; k < len; k++) for (let j = 0; j + k <= len; j++) if (has(word.slice(j, j + k))) out.push(word.slice(j, j + k));
      }
      out.push(word);
    }
    return out;
  }
  return {
    id: 'vocabulary@3',
    tokenize: (folded) => searchTokens(folded, segment),
    places: (folded) => findPlaces(folded, knownPlace, currentPrefixes()),
  };
}
