import { describe, expect, it } from 'vitest';
import { inAskersScript } from '../src/core/normalize/askers-script.js';
import { foldText, foldWidth } from '../src/core/normalize/fold-text.js';
import { parseChineseNumeral } from '../src/core/normalize/chinese-numerals.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';

const tokenizer = createJiebaTokenizer();

describe('foldText', () => {
  it('folds traditional to simplified without changing the length', () => {
    const text = '全膜雙壟溝播玉米種植完成112.1萬畝，環縣';
    const folded = foldText(text);
    expect(folded).toBe('全膜双垄沟播玉米种植完成112.1万亩,环县');
    expect(folded.length).toBe(text.length);
  });

  it('folds full-width characters, quotes and case', () => {
    expect(foldWidth('ＧＤＰ　１２３％“三强”')).toBe('gdp 123%"三强"');
  });

  it('keeps offsets aligned on every seed-like mixed text', () => {
    const text = '“三扩大”就是擴大投資、扩大消费；Ｘ区（一）';
    expect(foldText(text).length).toBe(text.length);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['八', 8],
    ['十', 10],
    ['二十五', 25],
    ['两千', 2000],
    ['一百零八', 108],
    ['三万五千', 35000],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('refuses non-numerals', () => {
    expect(parseChineseNumeral('八个')).toBeUndefined();
  });
});

describe('jieba tokenizer', () => {
  it('keeps numbers whole (50, not 5 and 0)', () => {
    const tokens = tokenizer.tokenize(foldText('力争全年招商项目达到50个，协议总投资达到200亿元以上'));
    expect(tokens).toContain('50');
    expect(tokens).toContain('200');
    expect(tokens).not.toContain('5');
    expect(tokens).not.toContain('0');
  });

  it('keeps decimals whole', () => {
    expect(tokenizer.tokenize(foldText('完成112.1萬畝'))).toContain('112.1');
  });

  it('reads Chinese numerals with a measure word as numbers (八个 ~ 8个)', () => {
    const words = tokenizer.tokenize(foldText('要重點抓好八個方面'));
    const digits = tokenizer.tokenize('要重点抓好8个方面');
    expect(words).toContain('8');
    expect(digits).toContain('8');
  });

  it('drops stop words and question words', () => {
    const tokens = tokenizer.tokenize('平陆招商目标是多少');
    expect(tokens).toEqual(['平陆', '招商', '目标']);
  });

  it('keeps unknown words findable through bigrams of single characters', () => {
    expect(tokenizer.tokenize('x区要对标学习哪些地方')).toContain('对标');
  });

  it('finds place names', () => {
    expect(tokenizer.places('北京市2022年gdp是多少')).toContain('北京市');
  });
});

describe('numeral edge cases', () => {
  it('does not read 亿 or 万 alone as a number', () => {
    expect(parseChineseNumeral('亿')).toBeUndefined();
    expect(tokenizer.tokenize('200亿元')).not.toContain('0');
  });
});

describe('inAskersScript', () => {
  it('gives a simplified or script-neutral question a traditional passage in simplified characters', () => {
    expect(inAskersScript('环县小杂粮种植多少万亩', '全面完成100萬畝小雜糧種植')).toBe('全面完成100万亩小杂粮种植');
    expect(inAskersScript('平陆招商目标是多少', '全面完成100萬畝小雜糧種植')).toBe('全面完成100万亩小杂粮种植');
  });

  it('leaves the passage as written for a question in traditional characters, and simplified text alone', () => {
    expect(inAskersScript('環縣小雜糧種植多少萬畝', '全面完成100萬畝小雜糧種植')).toBe('全面完成100萬畝小雜糧種植');
    expect(inAskersScript('環縣小雜糧種植多少萬畝', '引进项目50个')).toBe('引进项目50个');
  });
});
