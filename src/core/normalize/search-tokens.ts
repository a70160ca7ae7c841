/**
 * @module search-tokens: the runtime-free half of tokenising — numbers whole, Latin words, Chinese numerals as
 * digits, stop words out, bigrams for runs of single characters — around a segmenter that cuts Han runs into words.
 */
import { STOPWORDS } from './stopwords.js';
import { CHINESE_NUMERAL_RUN, parseChineseNumeral } from './chinese-numerals.js';

/** Measure words after which a Chinese numeral is read as a number (八个 → 8 个). */
const CLASSIFIERS = /^(个|项|家|名|位|人|次|件|条|所|座|批|种|年|月|天|日|亩|元|吨|户|台|辆|倍|大|方面|万|亿|千|百)/;
const RUNS = /(\d+(?:\.\d+)?)|([a-z][a-z0-9_+-]*[区县市省镇乡村]?)|([\u3400-\u9fff]+)/g;

/** Cuts one run of Han characters into words, search-engine style (overlapping sub-words allowed). */
export type Segmenter = (run: string) => string[];

function* hanTokens(words: string[]): Generator<string> {
  let single = '';
  for (const word of words) {
    // Words the segmenter does not know come out as single characters (对/标); their bigrams keep them findable.
    if (word.length === 1) {
      if (single && !(STOPWORDS.has(single) && STOPWORDS.has(word))) yield single + word;
      single = word;
    } else single = '';
    if (STOPWORDS.has(word)) continue;
    const numeral = word.match(CHINESE_NUMERAL_RUN)?.[0];
    if (numeral && numeral !== '一') {
      const rest = word.slice(numeral.length);
      const value = parseChineseNumeral(numeral);
      if (value !== undefined && (rest === '' || CLASSIFIERS.test(rest))) {
        yield String(value);
        if (rest && !STOPWORDS.has(rest)) yield rest;
      }
    }
    yield word;
  }
}

/** Search tokens of folded text, with `segment` cutting the Han runs. */
export function searchTokens(folded: string, segment: Segmenter): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(RUNS)) {
    if (m[1]) out.push(m[1]);
    else if (m[2]) out.push(m[2]);
    else if (m[3]) for (const t of hanTokens(segment(m[3]))) out.push(t);
  }
  return out;
}
