import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../src/core/answer/analyze-question.js';
import { unheldTitles } from '../src/core/answer/unheld-titles.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';

const tokenizer = createJiebaTokenizer();
const asked = (question: string, passages: string[]) => unheldTitles(analyzeQuestion(question, tokenizer), passages);
const passages = ['市委书记李谦出席会议并讲话,市长杨慧主持会议,市委副书记周金中就全市农村面貌改造提升行动作安排部署。'];

describe('unheldTitles', () => {
  it('names the title a who-question asks about when no passage found holds it', () => {
    expect(asked('衡水市纪委书记是谁', passages)).toEqual(['纪委书记']);
    // 县委副书记 is another title than 县委书记.
    expect(asked('平陆的县委书记叫什么名字', ['(作者中共平陆县委副书记、政府县长 翟纪亭)'])).toEqual(['县委书记']);
  });

  it('asks nothing of a title the passages hold, in any form that contains it', () => {
    expect(asked('衡水市委书记是谁', passages)).toEqual([]);
    expect(asked('衡水市长叫什么？', passages)).toEqual([]);
    expect(asked('平陆县长是谁', ['(作者中共平陆县委副书记、政府县长 翟纪亭)'])).toEqual([]);
  });

  it('leaves titles a text says with a verb (主持, 著), and questions that are not who-questions, to the model', () => {
    expect(asked('这次会议的主持人是谁', ['市长杨慧主持会议'])).toEqual([]);
    expect(asked('这篇文章的作者叫什么', ['本报讯 张三 文'])).toEqual([]);
    expect(asked('哪一条位处长江中游左岸的河流为长江最长的支流', ['汉江是长江最长的支流'])).toEqual([]);
  });
});
