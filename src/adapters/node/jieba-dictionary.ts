/**
 * @module jieba-dictionary: jieba's own dictionary (the one that cuts documents on Node) as the word list questions
 * are cut with (see dictionary-words).
 */
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { encodeWordList, parseWordList, type WordList } from '../../core/normalize/dictionary-words.js';

/** nodejieba's default dictionary (its own constant, which its type declarations leave out). */
export const JIEBA_DICTIONARY = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

function* entries(text: string): Generator<[string, number]> {
  for (const line of text.split('\n')) {
    const [word, frequency] = line.split(' ');
    if (word && frequency) yield [word, Number(frequency)];
  }
}

let words: WordList | undefined;

/** The word list's text, as the Worker bundles it (`npm run build:words`). */
export function jiebaWordList(): string {
  return encodeWordList(entries(readFileSync(JIEBA_DICTIONARY, 'utf8')));
}

/** The word list, read from the same text the Worker gets (about 348,000 words), once per process. */
export function jiebaWords(): WordList {
  words ??= parseWordList(jiebaWordList());
  return words;
}
