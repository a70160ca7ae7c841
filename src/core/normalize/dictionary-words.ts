/**
 * @module dictionary-words: a fixed word list with frequencies (jieba's dictionary) that questions are cut with, the
 * same on every runtime, so that a question's cut does not depend on which other documents the index holds.
 *
 * The list travels as text, one word per line followed by one base-36 digit: twice the natural log of the word's
 * frequency, rounded (jieba's frequencies run from 2 to 883,634, so the digit stays below 28). Node and the Worker
 * both read that same text, so both cut alike.
 */

const MAX_WORD = 8;
const RADIX = 36;

export interface WordList {
  /** ln(frequency) of each word (rounded to half units). */
  readonly logFrequency: ReadonlyMap<string, number>;
  /** ln of the frequencies' sum: a word's log-probability is its logFrequency minus this. */
  readonly logTotal: number;
  /** The rarest word's logFrequency: what a word the index knows but the list does not counts as. */
  readonly logRarest: number;
}

/** No list: every known word costs the same, so the cut with the fewest words wins. */
export const NO_WORDS: WordList = { logFrequency: new Map(), logTotal: 1, logRarest: 0 };

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;
const isHanWord = (word: string) => {
  for (let i = 0; i < word.length; i++) if (!isHan(word.charCodeAt(i))) return false;
  return word.length >= 1 && word.length <= MAX_WORD;
};

/** A frequency as the list keeps it: twice its natural log, rounded (one base-36 digit). */
const halfUnits = (frequency: number) => Math.min(RADIX - 1, Math.round(2 * Math.log(frequency)));
const kept = (word: string, frequency: number) => isHanWord(word) && frequency >= 1;

/** The list's text from (word, frequency) pairs; words that are not one to eight Han characters are left out. */
export function encodeWordList(entries: Iterable<readonly [string, number]>): string {
  const lines: string[] = [];
  for (const [word, frequency] of entries) if (kept(word, frequency)) lines.push(word + halfUnits(frequency).toString(RADIX));
  return lines.join('\n');
}

/** Gathers words with their logFrequency into a WordList (the total and the rarest along the way). */
class WordListBuilder {
  private readonly logFrequency = new Map<string, number>();
  private total = 0;
  private logRarest = Infinity;

  add(word: string, log: number): void {
    this.logFrequency.set(word, log);
    this.total += Math.exp(log);
    this.logRarest = Math.min(this.logRarest, log);
  }

  build(): WordList {
    return this.logFrequency.size === 0 ? NO_WORDS : { logFrequency: this.logFrequency, logTotal: Math.log(this.total), logRarest: this.logRarest };
  }
}

/** The list straight from (word, frequency) pairs: what `parseWordList(encodeWordList(entries))` gives, without the text. */
export function wordListOf(entries: Iterable<readonly [string, number]>): WordList {
  const list = new WordListBuilder();
  for (const [word, frequency] of entries) if (kept(word, frequency)) list.add(word, halfUnits(frequency) / 2);
  return list.build();
}

/** Reads the list's text line by line, without splitting it first (the Worker reads 3.7 MB of it once per isolate). */
export function parseWordList(text: string): WordList {
  const list = new WordListBuilder();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start >= 2) {
      const half = parseInt(text[end - 1], RADIX);
      if (!Number.isNaN(half)) list.add(text.slice(start, end - 1), half / 2);
    }
    start = end + 1;
  }
  return list.build();
}
