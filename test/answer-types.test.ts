import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../src/core/answer/analyze-question.js';
import { answerTypeScore } from '../src/core/answer/answer-types.js';
import { SHAPE_PATTERNS, SHAPES, shapeScores, type ShapePattern } from '../src/core/answer/answer-shapes.js';
import { prepareQuestion } from '../src/core/answer/prepare-question.js';
import { typedClause } from '../src/core/answer/window-features.js';
import type { FeatureContext } from '../src/core/answer/feature-context.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';

const tokenizer = createJiebaTokenizer();
/** Every word alike, 枣强 the subject of a document. */
const context: FeatureContext = {
  idf: () => 2,
  documentHas: () => true,
  isFocus: (term) => term === '枣强',
  documentDf: () => 1,
  foldLabel: (text) => text,
  places: () => [],
};

describe('the kind of answer a question asks for', () => {
  it('reads a span of days (23日期间) and a line’s number (几号线) as no question about a date', () => {
    const span = analyzeQuestion('会员国数曾于1934年9月28日至1935年2月23日期间达到多少个', tokenizer);
    expect([span.kind, span.type]).toEqual(['number', 'number']);
    expect(analyzeQuestion('去动物园要坐几号线', tokenizer).kind).not.toBe('date');
    expect(analyzeQuestion('去动物园要坐几号线', tokenizer).type).not.toBe('date');
    // A date asked for still is one.
    for (const question of ['签约仪式是几号', '开工日期是哪天', '大会的日期是什么']) {
      expect(analyzeQuestion(question, tokenizer).kind).toBe('date');
      expect(analyzeQuestion(question, tokenizer).type).toBe('date');
    }
    for (const question of ['这个文件是几号文', '他住在几号院']) expect(analyzeQuestion(question, tokenizer).kind).not.toBe('date');
  });
});

describe('the kind of answer a window holds', () => {
  it('takes a byline’s names (记者, 作者) for a person only when the question asks who wrote or reported', () => {
    const lead = '(记者刘金桥、李国涛)2月25日,市委、市政府召开全市领导干部动员大会。';
    const chaired = analyzeQuestion('衡水那次动员大会是谁主持的', tokenizer);
    expect(answerTypeScore(chaired, lead, [])).toBe(0);
    expect(answerTypeScore(chaired, '市长杨慧主持会议', [])).toBe(1);
    for (const question of ['这篇报道的记者是谁', '这篇稿子是谁写的', '文章作者是谁', '这篇文章的责编是谁', '编辑是谁', '这篇理论文章出自谁之手']) expect(answerTypeScore(analyzeQuestion(question, tokenizer), lead, [])).toBe(1);
    // Whoever a reporter interviewed is not the reporter.
    expect(analyzeQuestion('谁接受了记者采访', tokenizer).asksWriter).toBe(false);
  });

  it('reads a byline’s title as a title shape only for a question about who wrote or reported', () => {
    const present = Object.fromEntries(Object.keys(SHAPE_PATTERNS).map((k) => [k, true])) as Record<ShapePattern, boolean>;
    const title = (question: string, window: string) =>
      shapeScores(prepareQuestion(analyzeQuestion(question, tokenizer), context), window, [], present)[SHAPES.indexOf('title')];
    expect(title('衡水那次动员大会是谁主持的', '(记者刘金桥、李国涛)2月25日,市委召开动员大会。')).toBe(0);
    expect(title('衡水那次动员大会是谁主持的', '市长杨慧主持会议')).toBe(1);
    expect(title('这篇稿子是谁写的', '(记者刘金桥、李国涛)2月25日,市委召开动员大会。')).toBe(1);
  });

  it('takes a share for the answer to a question about an amount only when the question asks about a rate or a change', () => {
    const amount = analyzeQuestion('X区2023年GDP是多少', tokenizer);
    expect(answerTypeScore(amount, '2023年x区对全市地区生产总值贡献率达到52.6%', [])).toBeLessThan(1);
    expect(answerTypeScore(amount, '2023年我区地区生产总值589.23亿元', [])).toBe(1);
    expect(answerTypeScore(amount, '2023年是三新三强行动之年', [])).toBeLessThan(1);
    // A window with an amount beside a share still holds an amount.
    expect(answerTypeScore(amount, '生产总值589.23亿元,增长6.1%', [])).toBe(1);
    for (const question of ['X区生产总值增长多少', 'X区GDP相当于博罗县的多少', '城镇化率是多少']) {
      expect(answerTypeScore(analyzeQuestion(question, tokenizer), '增长6.1%', [])).toBe(1);
    }
  });

  it('scores the clause that holds both the kind of answer and the question’s words, not a window’s parts apart', () => {
    const p = prepareQuestion(analyzeQuestion('枣强今年要完成多少投资', tokenizer), context);
    const apart = typedClause(p, '今年,枣强县唱响最强音,开展好20项民生工程', []);
    const together = typedClause(p, '力争年内开工项目总投资200亿元以上,完成投资100亿元以上', []);
    expect(together).toBeGreaterThan(apart);
    expect(together).toBeGreaterThan(0.5);
    expect(typedClause(p, '今年,枣强县唱响最强音', [])).toBe(0);
  });
});
