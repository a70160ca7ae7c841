import { describe, expect, it } from 'vitest';
import { createVocabularyTokenizer } from '../src/core/normalize/vocabulary-tokenizer.js';
import { encodeWordList, NO_WORDS, parseWordList, type WordList } from '../src/core/normalize/dictionary-words.js';
import { jiebaWordList, jiebaWords } from '../src/adapters/node/jieba-dictionary.js';

const cutter = (indexed: readonly string[], words: WordList = NO_WORDS) => {
  const known = new Set(indexed);
  return createVocabularyTokenizer((t) => known.has(t), undefined, undefined, words).tokenize;
};

describe('the vocabulary tokenizer', () => {
  it('without a word list, takes the cut with the fewest words, not the longest first word', () => {
    // Greedy longest-match would take 衡水市 and leave 委 alone.
    expect(cutter(['衡水', '衡水市', '市委', '书记', '市委书记'])('衡水市委书记是谁')).toEqual(['衡水', '市委', '书记', '市委书记']);
  });

  it('breaks ties toward the longer first word', () => {
    // 总共|要|投入 and 总|共要|投入 are three words each (要, a stop word, then drops out).
    expect(cutter(['总共', '共要', '投入'])('总共要投入')).toEqual(['总共', '投入']);
  });

  it('cuts words it does not know into single characters and their bigrams', () => {
    expect(cutter(['投入'])('总共要投入')).toEqual(['总', '总共', '共', '共要', '投入']);
  });

  it("with jieba's word list, takes the likeliest cut", () => {
    expect(cutter([], jiebaWords())('衡水市委书记是谁')).toEqual(['衡水', '市委', '书记', '市委书记']);
    // A frequent single character and a rare word lose to a word only the index holds (a name jieba's list lacks).
    expect(cutter(['刘新营'], jiebaWords())('刘新营是谁')).toEqual(['新营', '刘新营']);
    expect(cutter([], jiebaWords())('刘新营是谁')).not.toContain('刘新营');
  });

  it('cuts a question the same way whatever other documents add to the index, given the word list', () => {
    const question = '农村面貌改造提升行动总共要投入多少资金';
    const seeds = ['农村', '面貌', '改造', '提升', '行动', '投入', '资金'];
    expect(cutter(seeds)(question)).not.toEqual(cutter([...seeds, '总共'])(question));
    const words = jiebaWords();
    expect(cutter(seeds, words)(question)).toEqual(cutter([...seeds, '总共'], words)(question));
    expect(cutter(seeds, words)(question)).toContain('总共');
  });
});

describe('the word list', () => {
  it('keeps words of one to eight Han characters with their log-frequency to a quarter', () => {
    const list = parseWordList(encodeWordList([['总共', 660], ['要', 156_581], ['AT&T', 3], ['一二三四五六七八九', 5]]));
    expect([...list.logFrequency.keys()]).toEqual(['总共', '要']);
    expect(Math.abs(list.logFrequency.get('总共')! - Math.log(660))).toBeLessThanOrEqual(0.25);
    expect(list.logRarest).toBe(list.logFrequency.get('总共'));
    expect(Math.abs(list.logTotal - Math.log(660 + 156_581))).toBeLessThan(0.3);
  });

  it("holds jieba's dictionary, as the Worker gets it", () => {
    const words = jiebaWords();
    expect(words.logFrequency.size).toBeGreaterThan(340_000);
    for (const word of ['总共', '市委书记', '生产总值', '要']) expect(words.logFrequency.has(word)).toBe(true);
    // Node builds the list from the dictionary; the Worker parses the bundled text: the same words and weights.
    const parsed = parseWordList(jiebaWordList());
    expect(parsed.logFrequency).toEqual(words.logFrequency);
    expect(parsed.logTotal).toBeCloseTo(words.logTotal, 9);
    expect(parsed.logRarest).toBe(words.logRarest);
  });
});
