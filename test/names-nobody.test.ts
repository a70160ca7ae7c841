import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../src/core/answer/analyze-question.js';
import { namesNobodyFor } from '../src/core/answer/names-nobody.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const tokenizer = createJiebaTokenizer();
const unfit = (question: string, window: string) => namesNobodyFor(analyzeQuestion(question, tokenizer))(foldText(window));

const HEADING = '虎年新春第一会 奏响发展最强音\n\n——枣强县三级干部大会暨开展“三统筹三扩大四创建”活动精神解读';
const LEAD = '(记者刘金桥、李国涛)2月25日,市委、市政府召开全市领导干部凝神聚力抓发展动员大会。';

describe('windows that name nobody a who-question asks for', () => {
  it('leaves out a heading and a byline’s names for a question about who did something', () => {
    expect(unfit('负责布置“三统筹三扩大四创建”活动的是哪位领导', HEADING)).toBe(true);
    expect(unfit('衡水凝神聚力抓发展动员大会由谁主持', LEAD)).toBe(true);
    expect(unfit('衡水凝神聚力抓发展动员大会由谁主持', '市长杨慧主持会议')).toBe(false);
    expect(unfit('负责布置活动的是哪位领导', '县委副书记、县长张赤峰就开展“三统筹三扩大四创建”活动进行了安排部署。')).toBe(false);
  });

  it('keeps a byline for a question about who wrote or reported, and leaves out a heading', () => {
    expect(unfit('解读新春第一会精神的那篇报道，署名记者是谁', HEADING)).toBe(true);
    expect(unfit('解读新春第一会精神的那篇报道，署名记者是谁', '本报记者 焦明瑞')).toBe(false);
    expect(unfit('这篇报道的记者是谁', LEAD)).toBe(false);
    expect(unfit('这篇文章的作者是谁', '(作者中共平陆县委副书记、政府县长 翟纪亭)')).toBe(false);
  });

  it('leaves out a window with no letter in it, which cannot name anyone (a dateline)', () => {
    expect(unfit('2015年春节后衡水那场领导干部动员大会由谁主持', '26.02.2015  14:28')).toBe(true);
    expect(unfit('衡水那次动员大会是哪天召开的', '26.02.2015  14:28')).toBe(false);
    expect(unfit('2015年春节后衡水那场领导干部动员大会由谁主持', 'Yang Hui')).toBe(false);
  });

  it('leaves every window to the model for a question that asks for no person', () => {
    expect(unfit('衡水那次动员大会是哪天召开的', LEAD)).toBe(false);
    expect(unfit('枣强“四创建”具体要争创哪些称号', HEADING)).toBe(false);
  });
});
