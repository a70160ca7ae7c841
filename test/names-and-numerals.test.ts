import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../src/core/answer/analyze-question.js';
import { correctNames, NameIndex } from '../src/core/answer/correct-names.js';
import { numeralVariants, toChineseNumeral } from '../src/core/normalize/chinese-numerals.js';
import { buildKeywords, keywordMatch } from '../src/core/answer/keyword-match.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';

const places = new NameIndex(['平陆县', '枣强县', '衡水', '衡水湖', '环县', '南湫乡', '蔡甸区', '樊家川']);
const vocabulary = new Set(['平陆', '招商', '目标', '专项债', '县', '片区', '项目', '北京市', '目标']);
const jieba = createJiebaTokenizer();
const correct = (q: string) => correctNames(q, places, (t) => vocabulary.has(t), jieba.tokenize(q));

describe('misspelt place names', () => {
  it.each([
    ['平路招商目标是多少', '平陆招商目标是多少', '平路', '平陆'],
    ['早强县力争多少家企业', '枣强县力争多少家企业', '早强县', '枣强县'],
    ['恒水湖片区有多少个村', '衡水湖片区有多少个村', '恒水湖', '衡水湖'],
    ['比菜甸区高多少', '比蔡甸区高多少', '菜甸区', '蔡甸区'],
    ['南秋的洋芋种了多少亩', '南湫的洋芋种了多少亩', '南秋', '南湫'],
  ])('reads %s as %s', (q, fixed, from, to) => {
    expect(correct(q)).toEqual({ text: fixed, corrections: [{ from, to }] });
  });

  it('leaves names the corpus knows, and words that only look alike, alone', () => {
    expect(correct('平陆招商目标是多少').corrections).toEqual([]);
    expect(correct('北京市的目标是多少').corrections).toEqual([]);
    // 环线 sounds like 环县: read as the place unless the corpus uses the word itself.
    expect(correctNames('二环线改造', places, (t) => t === '环线').corrections).toEqual([]);
    expect(correct('黄县的目标').corrections).toEqual([]);
  });

  it('reads nothing as a word that points at places (各乡镇, 全县), though a place list holds it', () => {
    const names = new NameIndex(['各乡镇', '全县', '平陆县']);
    expect(correctNames('环县共有多少个乡镇', names, () => false).corrections).toEqual([]);
    expect(correctNames('平路共有多少个乡镇', names, () => false).corrections).toEqual([{ from: '平路', to: '平陆' }]);
  });

  it('does not read a name into part of a word the corpus knows (伊丽 in 伊丽莎白港 is not 伊犁)', () => {
    const names = new NameIndex(['伊犁州', '兴县', '平陆县']);
    const knows = (...terms: string[]) => (t: string) => terms.includes(t);
    const q = '伊丽莎白港机场有几条跑道';
    expect(correctNames(q, names, knows(), jieba.tokenize(q)).corrections).toEqual([{ from: '伊丽', to: '伊犁' }]);
    expect(correctNames(q, names, knows('伊丽莎白港'), jieba.tokenize(q)).corrections).toEqual([]);
    // 兴现 sounds like 兴县, but 兴 ends a name the corpus uses and 现 begins 现在.
    const p = '吕志兴现在效力于哪个球队';
    expect(correctNames(p, names, knows('吕志兴', '现在'), jieba.tokenize(p)).corrections).toEqual([]);
    const r = '平路县招商目标';
    expect(correctNames(r, names, knows('县', '招商', '目标'), jieba.tokenize(r)).text).toBe('平陆县招商目标');
  });

  it('does not read a name spelt right and the next word as its suffixed form (平陆现任 is not 平陆县任)', () => {
    expect(correct('平陆现任县长叫啥名字').corrections).toEqual([]);
    expect(correct('衡水现任市长是谁').corrections).toEqual([]);
    // A misspelt name with its suffix is still read (平路县 → 平陆县).
    expect(correct('平路县现任县长').corrections).toEqual([{ from: '平路县', to: '平陆县' }]);
  });
});

describe('numbers written both ways', () => {
  it.each([
    ['五十个', ['50个']],
    ['50个', ['五十个']],
    ['三千三百户', ['3300户']],
    ['四个基地', ['4个基地']],
    ['2023年', []],
    ['112.1万亩', []],
  ])('%s is also %j', (term, variants) => {
    expect(numeralVariants(term)).toEqual(variants);
  });

  it('writes whole numbers in Chinese', () => {
    expect([5, 10, 14, 20, 105, 3300, 10001].map(toChineseNumeral)).toEqual(['五', '十', '十四', '二十', '一百零五', '三千三百', '一万零一']);
  });
});

describe('keyword matching', () => {
  const keyword = (term: string) => buildKeywords([term], [term], () => 1)[0];

  it('finds an abbreviation spelt out (四基地 in 四个基地) and a number written the other way', () => {
    expect(keywordMatch(keyword('四基地'), '全力打造“四个基地四区”')).toBe(0.8);
    expect(keywordMatch(keyword('五十个'), '力争全年招商项目达到50个')).toBe(0.8);
    expect(keywordMatch(keyword('招商'), '力争全年招商项目达到50个')).toBe(1);
    expect(keywordMatch(keyword('四基地'), '四川的基层医疗基础设施')).toBe(0);
  });

  it('finds a quoted slogan written with its parts quoted each ("一局"变"三局"), below the slogan quoted whole', () => {
    const slogan = buildKeywords(['一局变三局'], ['一局', '三局'], () => 1, { quoted: ['一局变三局'] })[0];
    expect(keywordMatch(slogan, '各部门要推进"一局"变"三局",既是职能局')).toBe(0.8);
    expect(keywordMatch(slogan, '推进"一局变三局"')).toBe(1);
    expect(keywordMatch(slogan, '推进一局变三局')).toBe(0.5);
    expect(keywordMatch(slogan, '"一局"和"三局"')).toBe(0);
  });

  it('matches an official title whole: 县委副书记 is not 县委书记, though it holds its characters in order', () => {
    const { keywords, roles } = analyzeQuestion('平陆的县委书记叫什么名字', createJiebaTokenizer());
    expect(roles).toEqual(['县委书记']);
    const [title] = buildKeywords(['县委书记'], ['县委', '书记'], () => 1, { titles: roles });
    expect(keywords).toContain('县委书记');
    expect(keywordMatch(title, '中共平陆县委副书记、政府县长翟纪亭')).toBe(0);
    expect(keywordMatch(title, '平陆县委书记张赤峰')).toBe(1);
    // Left as any other word, the spread form would take the deputy for the secretary.
    expect(keywordMatch(buildKeywords(['县委书记'], ['县委', '书记'], () => 1)[0], '县委副书记')).toBe(0.8);
    expect(analyzeQuestion('衡水市纪委书记是谁', createJiebaTokenizer()).roles).toEqual(['纪委书记']);
  });

  it('reads a title followed by 叫什么 as asking for a person, and 叫什么 after anything else as not', () => {
    const tokenizer = createJiebaTokenizer();
    for (const question of ['环县县委书记叫什么', '衡水市长叫什么？', '这篇文章的作者叫什么', '平陆现任县长叫啥名字']) {
      expect(analyzeQuestion(question, tokenizer)).toMatchObject({ kind: 'person', type: 'person' });
    }
    expect(analyzeQuestion('平陆这个示范区叫什么', tokenizer)).toMatchObject({ kind: 'fact', type: 'what' });
    // A title's full name or name asked for, after a comma too.
    for (const question of ['环县何县长的全名叫什么', '回顾上半年工作的何县长,全名叫什么', '衡水市长的名字是什么']) {
      expect(analyzeQuestion(question, tokenizer), question).toMatchObject({ kind: 'person', type: 'person' });
    }
    expect(analyzeQuestion('这个项目的全名是什么', tokenizer)).toMatchObject({ kind: 'fact' });
  });

  it('reads 名字 and 姓名 that only ask for a name as question words, and 名字 in anything else as a word', () => {
    const tokenizer = createJiebaTokenizer();
    for (const question of ['枣强县县长叫什么名字？', '枣强县县长的名字是什么', '枣强县县长姓名']) {
      const { keywords, tokens, whatNoun } = analyzeQuestion(question, tokenizer);
      expect(keywords).toEqual(['枣强县', '县长']);
      expect(tokens).not.toContain('名字');
      expect(tokens).not.toContain('姓名');
      expect(whatNoun).toBeUndefined();
    }
    expect(analyzeQuestion('盾柱木的名字是怎样得来的', tokenizer).keywords).toContain('名字');
  });

  it('reads words that press a question (具体, 到底, 一共) as asking, no keyword or search term', () => {
    const tokenizer = createJiebaTokenizer();
    const plain = analyzeQuestion('平陆招商目标是多少', tokenizer);
    for (const question of ['平陆招商目标具体是多少', '平陆招商目标到底是多少', '平陆招商目标究竟是多少']) {
      const pressed = analyzeQuestion(question, tokenizer);
      expect(pressed.keywords).toEqual(plain.keywords);
      expect(pressed.tokens).toEqual(plain.tokens);
      expect(pressed.asking).toHaveLength(1);
    }
    expect(analyzeQuestion('枣强县县长叫什么名字', tokenizer).asking).toEqual(['名字']);
  });

  it('reads a quoted numbered slogan of two things or more as a list question, in its type as in its kind', () => {
    const tokenizer = createJiebaTokenizer();
    expect(analyzeQuestion('X区“三强”目标是什么', tokenizer)).toMatchObject({ kind: 'list', type: 'list', count: 3 });
    expect(analyzeQuestion('“三把尺子”是什么', tokenizer)).toMatchObject({ kind: 'list', type: 'list', count: 3 });
    // One thing is not a list; and a slogan asked about by another type keeps it (a year, a number).
    expect(analyzeQuestion('“一轴”指的是什么？', tokenizer).type).toBe('what');
    expect(analyzeQuestion('X区“三新三强”打擂台动员部署大会是哪一年开的', tokenizer).type).toBe('year');
    expect(analyzeQuestion('X区的目标是什么', tokenizer)).toMatchObject({ kind: 'fact', type: 'what' });
  });

  it('reads a word pointing at the moment of asking (明天, 现在) as the frame, not a keyword; a year (今年) stays one', () => {
    const tokenizer = createJiebaTokenizer();
    expect(analyzeQuestion('明天会下雨吗', tokenizer).keywords).toEqual(['下雨']);
    expect(analyzeQuestion('吕志兴现在效力于哪个球队', tokenizer).keywords).not.toContain('现在');
    expect(analyzeQuestion('枣强今年要新增多少家企业', tokenizer).keywords).toContain('今年');
  });
});

describe('place names at indexing', () => {
  it('counts a county or township the tagger does not know by its ending (平陆县, 南湫乡), not 全县 or 示范区', () => {
    const found = createJiebaTokenizer().places('平陆县的发展,南湫乡和木钵镇,全县,撤县设区,示范区');
    expect(found).toEqual(expect.arrayContaining(['平陆县', '南湫乡', '木钵镇']));
    expect(found).not.toContain('全县');
    expect(found).not.toContain('示范区');
  });
});
