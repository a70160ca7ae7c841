/**
 * @module jieba-dictionary: jieba's own dictionary (the one that cuts documents on Node) as the word list questions
 * are cut with (see dictionary-words).
 */
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { encodeWordList, wordListOf, type WordList } from '../../core/normalize/dictionary-words.js';

/** nodejieba's default dictionary (its own constant, which its type declarations leave out). */
export const JIEBA_DICTIONARY = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

/** `word frequency tag` lines, read without splitting the whole file first. */
function* entries(text: string): Generator<[string, number]> {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) {
      const next = text.indexOf(' ', space + 1);
      const frequency = Number(text.slice(space + 1, next > space && next < end ? next : end));
      if (frequency) yield [text.slice(start, space), frequency];
    }
    start = end + 1;
  }
}

let words: WordList | undefined;

/** The word list's text, as the Worker bundles it (`npm run build:words`). */
export function jiebaWordList(): string {
  return encodeWordList(entries(readFileSync(JIEBA_DICTIONARY, 'utf8')));
}

/** The word list (about 348,000 words), once per process: the same as the Worker parses from `jiebaWordList()`. */
export function jiebaWords(): WordList {
  words ??= wordListOf(entries(readFileSync(JIEBA_DICTIONARY, 'utf8')));
  return words;
}
